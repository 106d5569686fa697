#include "keys_internal.h"

#include "util/clock.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace fd::keys {
namespace {

const QString kKeyColumns = QStringLiteral(
    "SELECT k.id, k.tag, k.category, coalesce(k.room_id, 0) AS room_id, "
    "coalesce(r.code, '') AS room_code, coalesce(k.deposit_id, 0) AS deposit_id, k.label, "
    "k.hook, k.copies, k.emergency, k.status FROM key_items k "
    "LEFT JOIN rooms r ON r.id = k.room_id ");

KeyItem readKey(const QSqlQuery& q) {
    const sql::Row row(q);
    return KeyItem{row.id("id"),          row.text("tag"),       row.text("category"),
                   row.id("room_id"),     row.text("room_code"), row.id("deposit_id"),
                   row.text("label"),     row.text("hook"),      row.integer("copies"),
                   row.flag("emergency"), row.text("status")};
}

} // namespace

Result<KeyItem> loadKey(const QSqlDatabase& db, const QString& tag, const QString& field) {
    auto q =
        sql::one(db, kKeyColumns + QStringLiteral("WHERE k.tag = ?"), {tag.trimmed()},
                 Error::badInput(field, {QStringLiteral("No key with tag %1.").arg(tag),
                                         QStringLiteral("没有挂牌号为 %1 的钥匙。").arg(tag)}));
    if (!q)
        return fail(q.error());
    return readKey(*q);
}

Result<QList<KeyItem>> loadKeys(const QSqlDatabase& db, const QStringList& tags,
                                const QString& field) {
    QList<KeyItem> out;
    for (const QString& tag : tags) {
        if (tag.trimmed().isEmpty())
            continue;
        auto k = loadKey(db, tag, field);
        if (!k)
            return fail(k.error());
        if (std::any_of(out.begin(), out.end(), [&](const KeyItem& o) { return o.id == k->id; }))
            continue;
        out << *k;
    }
    if (out.isEmpty())
        return fail(bad(
            field, tx("Name at least one key by its tag number.", "请至少填写一把钥匙的挂牌号。")));
    return out;
}

Status addHistory(const QSqlDatabase& db, qint64 keyId, const QDateTime& at, const QString& event,
                  const QString& detail, const QString& login) {
    return sql::run(db,
                    QStringLiteral("INSERT INTO key_history(key_id, at, event, detail, by_login) "
                                   "VALUES (?,?,?,?,?)"),
                    {keyId, toStorage(at), event, sql::text(detail), login});
}

const QMap<QString, Text>& categoryLabels() {
    // R3-4.5.2
    static const QMap<QString, Text> l = kit::labels({
        {"owner", "Owner (resident) key", "业主（住户）钥匙"},
        {"public", "Public door and window key", "公共门窗钥匙"},
        {"equipment", "Equipment room key", "设备房钥匙"},
        {"water_meter", "Water-meter box key", "水表箱钥匙"},
    });
    return l;
}

const QMap<QString, Text>& slotKindLabels() {
    // R3-4.5.3
    static const QMap<QString, Text> l = kit::labels({
        {"security_door", "Security door", "防盗门"},
        {"interior_door", "Interior door", "室内门"},
        {"intercom_door", "Intercom door", "电子对讲门"},
        {"water_meter_box", "Water-meter box", "水表箱"},
        {"mailbox", "Mailbox", "信箱"},
    });
    return l;
}

const QMap<QString, Text>& custodyLabels() {
    static const QMap<QString, Text> l = kit::labels({
        {"not_held", "Not held", "未托管"},
        {"owner_deposit", "Deposited by the owner", "业主托管"},
        {"developer_handover", "Handed over by the developer", "开发商移交"},
        {"vacant", "Vacant unit", "空置房"},
    });
    return l;
}

const QMap<QString, Text>& statusLabels() {
    static const QMap<QString, Text> l = kit::labels({
        {"in", "In the cabinet", "在柜"},
        {"out", "Lent out", "借出"},
        {"lost", "Lost", "遗失"},
        {"retired", "Retired", "已注销"},
    });
    return l;
}

const QMap<QString, Text>& loanLabels() {
    static const QMap<QString, Text> l = kit::labels({
        {"regular", "Registered loan", "登记借用"},
        {"emergency", "Emergency loan", "紧急借用"},
        {"requested", "Waiting for approval", "待批准"},
        {"out", "Out", "借出中"},
        {"returned", "Returned", "已归还"},
        {"good", "Good", "完好"},
        {"damaged", "Damaged", "损坏"},
    });
    return l;
}

const QMap<QString, Text>& borrowerLabels() {
    static const QMap<QString, Text> l = kit::labels({
        {"staff", "Staff member", "本公司员工"},
        {"owner", "The owner", "业主本人"},
        {"outside", "Outside person", "外来人员"},
        {"authorised", "Person authorised by the owner", "业主授权人"},
    });
    return l;
}

const QMap<QString, Text>& eventLabels() {
    static const QMap<QString, Text> l = kit::labels({
        {"registered", "Registered", "登记"},
        {"deposited", "Deposited", "托管入柜"},
        {"lent", "Lent", "借出"},
        {"lent_emergency", "Lent in an emergency", "紧急借出"},
        {"returned", "Returned", "归还入柜"},
        {"taken_back", "Taken back by the owner", "业主领回"},
        {"lost", "Lost (incident approved)", "遗失（事故已批准）"},
        {"countersigned", "Emergency loan countersigned", "紧急借用已补签"},
        {"retired", "Retired", "注销"},
    });
    return l;
}

QMap<QString, Text> purposes(const Policy& policy) {
    QMap<QString, Text> out;
    const RuleDef* rule = policy.rule(QStringLiteral("key-loan-purpose"));
    if (rule == nullptr)
        return out;
    for (const auto& v : rule->params.value(QStringLiteral("purposes")).toArray()) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(QStringLiteral("code")).toString(),
                   Text{o.value(QStringLiteral("en")).toString(),
                        o.value(QStringLiteral("zh")).toString()});
    }
    return out;
}

QDateTime parseOfficeTime(const QString& text, const QDate& today) {
    static const QRegularExpression full(
        QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T](\\d{1,2}):(\\d{2})$"));
    static const QRegularExpression timeOnly(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const QString t = text.trimmed();
    QDate date;
    QTime time;
    if (auto m = full.match(t); m.hasMatch()) {
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        time = QTime(m.captured(4).toInt(), m.captured(5).toInt());
    } else if (auto m2 = timeOnly.match(t); m2.hasMatch()) {
        date = today;
        time = QTime(m2.captured(1).toInt(), m2.captured(2).toInt());
    }
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Clock::officeZone()).toUTC();
}

const QStringList& slotKinds() {
    static const QStringList kinds{QStringLiteral("security_door"), QStringLiteral("interior_door"),
                                   QStringLiteral("intercom_door"),
                                   QStringLiteral("water_meter_box"), QStringLiteral("mailbox")};
    return kinds;
}

void addAction(ActionRegistry& registry, ActionDef def) {
    QStringList texts;
    for (const ParamSpec& p : def.params)
        if (p.type == ParamType::Text || p.type == ParamType::LongText)
            texts << p.name;
    def.handler = [texts, inner = std::move(def.handler)](ActionContext& ctx) {
        QVariantMap params = ctx.params;
        for (const QString& name : texts)
            if (params.value(name).toString().isNull())
                params.insert(name, QStringLiteral(""));
        ActionContext filled{ctx.services,   ctx.db,     ctx.actor,    params,
                             ctx.signatures, ctx.reason, ctx.approval, ctx.now};
        return inner(filled);
    };
    registry.add(std::move(def));
}

} // namespace fd::keys
