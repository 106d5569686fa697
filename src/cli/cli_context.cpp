#include "cli_context.h"

#include "all_modules.h"
#include "output/table_text.h"
#include "services/permission.h"

#include <QDateTime>
#include <QFileInfo>

namespace fd::cli {

CliContext::CliContext(GlobalOptions options, const Console& console)
    : options_(std::move(options)), console_(console) {}

CliContext::~CliContext() {
    services_.reset();
    catalogue_.reset();
    if (database_)
        database_->closeThreadConnection();
}

Status CliContext::requireFile() const {
    // A server database is there when the server answers (opening it says so otherwise).
    if (ServerAddress::isServer(options_.dbPath) || QFileInfo(options_.dbPath).isFile())
        return {};
    return fail(Error::badInput(
        QStringLiteral("db"),
        {QStringLiteral("There is no database at %1; create one with "
                        "\"frontdeskctl --db %1 init --admin LOGIN\".")
             .arg(options_.dbPath),
         QStringLiteral(
             "%1 处没有数据库；请先运行「frontdeskctl --db %1 init --admin 登录名」创建。")
             .arg(options_.dbPath)}));
}

Result<const Services*> CliContext::services(bool create, std::shared_ptr<Clock> clock) {
    if (services_)
        return services_.get();
    if (!create)
        if (auto ok = requireFile(); !ok)
            return fail(ok.error());
    ServicesOptions o;
    o.databasePath = options_.dbPath;
    o.clock = std::move(clock);
    auto s = openServices(std::move(o));
    if (!s)
        return fail(s.error());
    services_ = std::move(*s);
    return services_.get();
}

Result<const Services*> CliContext::catalogue() {
    if (catalogue_)
        return catalogue_.get();
    ServicesOptions o;
    o.databasePath = QStringLiteral(":memory:");
    auto s = openServices(std::move(o));
    if (!s)
        return fail(s.error());
    catalogue_ = std::move(*s);
    return catalogue_.get();
}

Result<std::shared_ptr<Database>> CliContext::database(bool mustExist) {
    if (database_)
        return database_;
    if (mustExist)
        if (auto ok = requireFile(); !ok)
            return fail(ok.error());
    auto db = Database::open(options_.dbPath);
    if (!db)
        return fail(db.error());
    database_ = *db;
    return database_;
}

Result<QStringList> CliContext::passwords(const QStringList& who, const QStringList& fields) {
    PasswordLines lines;
    return lines.read(who, fields, options_.chinese);
}

Status CliContext::requireInitialised(const Services& services) {
    auto done = services.initialised();
    if (!done)
        return fail(done.error());
    if (!*done)
        return fail(Error::badInput(
            QStringLiteral("db"),
            {QStringLiteral(
                 "The database has no users yet; run \"frontdeskctl init --admin LOGIN\" first."),
             QStringLiteral("数据库尚无用户；请先运行「frontdeskctl init --admin 登录名」。")}));
    return {};
}

Result<Actor> CliContext::signIn(const Services& services, const QString& login,
                                 const QString& password) const {
    if (auto ok = requireInitialised(services); !ok)
        return fail(ok.error());
    auto actor = services.users().authenticate(login, password);
    if (!actor) {
        Error e = actor.error();
        if (e.field.isEmpty())
            e.field = QStringLiteral("as");
        return fail(e);
    }
    return actor;
}

Result<Actor> CliContext::signInWith(const ParsedArgs& args, const QString& permission,
                                     const Text& what, std::shared_ptr<Clock> clock) {
    auto s = services(false, std::move(clock));
    if (!s)
        return fail(s.error());
    const QString login = args.value(QStringLiteral("as"));
    if (login.trimmed().isEmpty())
        return fail(Error::badInput(
            QStringLiteral("as"),
            {QStringLiteral("--as LOGIN is required: this command signs a person in "
                            "(password on stdin)."),
             QStringLiteral("必须给出 --as 登录名：此命令须由本人登录（密码从标准输入读取）。")}));
    auto pw = passwords({QStringLiteral("--as ") + login}, {QStringLiteral("password:as")});
    if (!pw) {
        // No password, no sign-in.
        Error e = Error::auth(pw.error().message);
        e.field = pw.error().field;
        return fail(e);
    }
    auto actor = signIn(**s, login, pw->first());
    if (!actor)
        return fail(actor.error());
    if (!(*s)->policy().permits(actor->roles, permission))
        return fail(permissionRefusal((*s)->policy(), *actor, permission, what));
    return actor;
}

QJsonValue jsonValue(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::QDateTime:
        return toStorage(v.toDateTime());
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    default:
        return QJsonValue::fromVariant(v);
    }
}

Reply queryReply(const QString& name, const QueryResult& result, bool chinese) {
    Reply r;
    QJsonArray columns;
    QStringList header;
    for (const QueryColumn& c : result.columns) {
        columns.append(QJsonObject{{QStringLiteral("key"), c.key},
                                   {QStringLiteral("title"), Console::textJson(c.title)}});
        header << c.title.in(chinese);
    }
    QJsonArray rows;
    r.lines << header.join(QLatin1Char('\t'));
    for (const QVariantList& row : result.rows) {
        QJsonObject o;
        QStringList cells;
        for (qsizetype i = 0; i < row.size() && i < result.columns.size(); ++i) {
            const QJsonValue v = jsonValue(row[i]);
            o.insert(result.columns[i].key, v);
            // Read as the lists read it: codes as words, times in office time (JSON keeps the
            // stored values for scripts).
            QString cell = cellText(result.columns[i], row[i], chinese);
            cell.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells << cell;
        }
        rows.append(o);
        r.lines << cells.join(QLatin1Char('\t'));
    }
    r.data = {{QStringLiteral("query"), name},
              {QStringLiteral("columns"), columns},
              {QStringLiteral("rows"), rows}};
    r.note = {QStringLiteral("%1 row(s).").arg(result.rows.size()),
              QStringLiteral("共 %1 行。").arg(result.rows.size())};
    return r;
}

} // namespace fd::cli

namespace fd::cli {

Reply actionReply(const ActionResult& r, const Policy& policy) {
    const bool done = r.status == ActionResult::Status::Done;
    Reply reply;
    reply.data = {{QStringLiteral("status"),
                   done ? QStringLiteral("done") : QStringLiteral("pending_approval")},
                  {QStringLiteral("audit_seq"), r.auditSeq},
                  {QStringLiteral("entity"), r.entity},
                  {QStringLiteral("entity_id"), r.entityId},
                  {QStringLiteral("approval_id"), r.approvalId},
                  {QStringLiteral("result"), r.result}};
    if (!done) {
        reply.data.insert(QStringLiteral("approver_role"), r.approverRole);
        reply.data.insert(QStringLiteral("message"), Console::textJson(r.message));
    }
    reply.lines
        << (done
                ? QStringLiteral("done %1 %2 audit %3").arg(r.entity, r.entityId).arg(r.auditSeq)
                : QStringLiteral("pending_approval %1 audit %2").arg(r.approvalId).arg(r.auditSeq));
    reply.note = done ? Text{QStringLiteral("Done: %1 %2 (audit row %3).")
                                 .arg(r.entity, r.entityId)
                                 .arg(r.auditSeq),
                             QStringLiteral("已完成：%1 %2（审计序号 %3）。")
                                 .arg(r.entity, r.entityId)
                                 .arg(r.auditSeq)}
                      : Text{QStringLiteral("Waiting for approval #%1 by %2: %3")
                                 .arg(r.approvalId)
                                 .arg(roleNames(policy, r.approverRole).en, r.message.en),
                             QStringLiteral("等待审批 #%1（%2）：%3")
                                 .arg(r.approvalId)
                                 .arg(roleNames(policy, r.approverRole).zh, r.message.zh)};
    return reply;
}

} // namespace fd::cli
