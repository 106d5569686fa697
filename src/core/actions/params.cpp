#include "actions/params.h"

#include "util/typed_date.h"

#include <QDate>
#include <QRegularExpression>

namespace fd {
namespace {

Error fieldError(const ParamSpec& s, const QString& en, const QString& zh) {
    const QString enName = s.label.en.isEmpty() ? s.name : s.label.en;
    const QString zhName = s.label.zh.isEmpty() ? s.name : s.label.zh;
    // The field by its label, as the form shows it; the error's field names the key.
    return Error::badInput(s.name, {QStringLiteral("%1: %2").arg(enName, en),
                                    QStringLiteral("「%1」%2").arg(zhName, zh)});
}

Result<qint64> parseMoney(const ParamSpec& s, const QString& text) {
    static const QRegularExpression yuan(QStringLiteral("^(-?)(\\d+)(?:\\.(\\d{1,2}))?$"));
    const auto m = yuan.match(text.trimmed());
    if (!m.hasMatch())
        return fail(fieldError(s, QStringLiteral("not an amount of money (e.g. 120.50)"),
                               QStringLiteral("不是有效金额（例如 120.50）")));
    const qint64 whole = m.captured(2).toLongLong();
    const qint64 cents = m.captured(3).leftJustified(2, QLatin1Char('0')).toLongLong();
    const qint64 fen = whole * 100 + cents;
    return m.captured(1).isEmpty() ? fen : -fen;
}

} // namespace

QString paramTypeName(ParamType t) {
    switch (t) {
    case ParamType::Text:
        return QStringLiteral("text");
    case ParamType::LongText:
        return QStringLiteral("long text");
    case ParamType::Int:
        return QStringLiteral("integer");
    case ParamType::Id:
        return QStringLiteral("id");
    case ParamType::Money:
        return QStringLiteral("money (yuan, 2 decimals)");
    case ParamType::Bool:
        return QStringLiteral("yes/no");
    case ParamType::Date:
        return QStringLiteral("date (yyyy-MM-dd)");
    case ParamType::Choice:
        return QStringLiteral("choice");
    case ParamType::TextList:
        return QStringLiteral("list (comma-separated)");
    }
    return {};
}

ParamSpec whenEmpty(ParamSpec spec, WhenEmpty meaning) {
    spec.whenEmpty = meaning;
    return spec;
}

Result<QVariantMap> validateParams(const QList<ParamSpec>& specs, const QVariantMap& raw,
                                   const QDate& today) {
    QVariantMap out;
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        const bool known = std::any_of(specs.begin(), specs.end(),
                                       [&](const ParamSpec& s) { return s.name == it.key(); });
        if (!known)
            return fail(
                Error::badInput(it.key(), {QStringLiteral("Unknown field %1.").arg(it.key()),
                                           QStringLiteral("未知字段「%1」。").arg(it.key())}));
    }
    for (const ParamSpec& s : specs) {
        const QVariant v = raw.value(s.name);
        const bool isList =
            v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QVariantList;
        const QString text =
            isList ? v.toStringList().join(QLatin1Char(',')) : v.toString().trimmed();
        if (!v.isValid() || (text.isEmpty() && v.typeId() != QMetaType::Bool)) {
            if (s.required)
                return fail(
                    fieldError(s, QStringLiteral("is required"), QStringLiteral("为必填项")));
            // Given, and empty: an edit that empties the field (an empty text, never a null
            // one, which would bind as SQL NULL).
            if (v.isValid() && s.whenEmpty == WhenEmpty::Refuse)
                return fail(
                    fieldError(s, QStringLiteral("cannot be emptied"), QStringLiteral("不能清空")));
            if (v.isValid() && s.whenEmpty == WhenEmpty::Clear)
                out.insert(s.name, s.type == ParamType::Date ? QVariant(QDate())
                                                             : QVariant(QLatin1String("")));
            continue;
        }
        switch (s.type) {
        case ParamType::Text:
        case ParamType::LongText: {
            const int max = s.type == ParamType::Text ? s.maxLength : std::max(s.maxLength, 4000);
            if (text.size() > max)
                return fail(
                    fieldError(s, QStringLiteral("is too long (at most %1 characters)").arg(max),
                               QStringLiteral("过长（最多 %1 个字符）").arg(max)));
            if (s.type == ParamType::Text && text.contains(QLatin1Char('\n')))
                return fail(fieldError(s, QStringLiteral("must be one line"),
                                       QStringLiteral("只能填写一行")));
            out.insert(s.name, text);
            break;
        }
        case ParamType::Int:
        case ParamType::Id: {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            if (!ok)
                return fail(fieldError(s, QStringLiteral("must be a whole number"),
                                       QStringLiteral("必须是整数")));
            const qint64 min = s.type == ParamType::Id ? std::max<qint64>(1, s.min) : s.min;
            if (n < min || (s.max > 0 && n > s.max))
                return fail(
                    fieldError(s,
                               QStringLiteral("is out of range (%1 to %2)")
                                   .arg(min)
                                   .arg(s.max > 0 ? QString::number(s.max) : QStringLiteral("∞")),
                               QStringLiteral("超出范围（%1 至 %2）")
                                   .arg(min)
                                   .arg(s.max > 0 ? QString::number(s.max) : QStringLiteral("∞"))));
            out.insert(s.name, n);
            break;
        }
        case ParamType::Money: {
            qint64 fen = 0;
            if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int) {
                fen = v.toLongLong();
            } else {
                auto parsed = parseMoney(s, text);
                if (!parsed)
                    return fail(parsed.error());
                fen = *parsed;
            }
            if (fen < s.min)
                return fail(fieldError(s, QStringLiteral("must not be negative"),
                                       QStringLiteral("不能为负数")));
            out.insert(s.name, fen);
            break;
        }
        case ParamType::Bool: {
            if (v.typeId() == QMetaType::Bool) {
                out.insert(s.name, v.toBool());
                break;
            }
            const QString t = text.toLower();
            if (t == QStringLiteral("1") || t == QStringLiteral("true") ||
                t == QStringLiteral("yes"))
                out.insert(s.name, true);
            else if (t == QStringLiteral("0") || t == QStringLiteral("false") ||
                     t == QStringLiteral("no"))
                out.insert(s.name, false);
            else
                return fail(fieldError(s, QStringLiteral("must be yes or no"),
                                       QStringLiteral("必须是“是”或“否”")));
            break;
        }
        case ParamType::Date: {
            const QDate d = v.typeId() == QMetaType::QDate ? v.toDate() : typedDate(text, today);
            if (!d.isValid())
                return fail(fieldError(
                    s, QStringLiteral("must be a date like 2026-05-01, 2026/5/1 or 2026年5月1日"),
                    QStringLiteral("日期格式应为 2026-05-01、2026/5/1 或 2026年5月1日")));
            out.insert(s.name, d);
            break;
        }
        case ParamType::Choice:
            if (!s.choices.contains(text))
                return fail(fieldError(
                    s,
                    QStringLiteral("must be one of: %1").arg(s.choices.join(QStringLiteral(", "))),
                    QStringLiteral("只能是：%1").arg(s.choices.join(QStringLiteral("、")))));
            out.insert(s.name, text);
            break;
        case ParamType::TextList: {
            QStringList items;
            for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                items << item.trimmed();
            if (s.required && items.isEmpty())
                return fail(
                    fieldError(s, QStringLiteral("is required"), QStringLiteral("为必填项")));
            out.insert(s.name, items);
            break;
        }
        }
    }
    return out;
}

} // namespace fd
