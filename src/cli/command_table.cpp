// Every command: its usage, help text in both languages, arguments and function.
#include "cli_context.h"

namespace fd::cli {
namespace {

Text t(const char* en, const char* zh) {
    return {QString::fromUtf8(en), QString::fromUtf8(zh)};
}

} // namespace

const QList<CommandSpec>& commandTable() {
    static const QList<CommandSpec> table = {
        {QStringLiteral("init"),
         QStringLiteral("init --admin LOGIN [--name NAME] [--demo]"),
         t("Create the database and its first administrator.", "创建数据库及第一位系统管理员。"),
         t("stdin: one line, the administrator's password (at least 8 characters).\n"
           "Refused when the database already has users.\n"
           "--demo: mark it as a demo database (the only kind `seed` fills; the desktop program "
           "shows a banner).",
           "标准输入：一行，管理员密码（至少 8 个字符）。\n数据库已有用户时拒绝执行。\n"
           "--demo：标记为演示数据库（`seed` 只填充这种数据库；桌面程序显示横幅）。"),
         {{},
          {},
          {QStringLiteral("admin"), QStringLiteral("name")},
          {QStringLiteral("demo")},
          false},
         runInit},
        {QStringLiteral("user add"),
         QStringLiteral("user add LOGIN --name NAME --role R[,R...] --as ADMIN [--staff-id ID]"),
         t("Add a user with roles (action user.add).", "添加用户并分配角色（操作 user.add）。"),
         t("stdin: line 1 the administrator's password (--as), line 2 the new user's password.\n"
           "--role may repeat; role codes are those of `policy show`.",
           "标准输入：第 1 行为管理员（--as）密码，第 2 行为新用户密码。\n--role "
           "可重复；角色代码见 `policy show`。"),
         {{QStringLiteral("login")},
          {},
          {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("as"),
           QStringLiteral("staff-id")},
          {},
          false},
         runUserAdd},
        {QStringLiteral("user list"),
         QStringLiteral("user list --as LOGIN"),
         t("List users, their roles and locks (query users).",
           "列出用户、角色及锁定状态（查询 users）。"),
         t("stdin: one line, the password of --as (who needs the user.add permission).",
           "标准输入：一行，--as 的密码（须有 user.add 权限）。"),
         {{}, {}, {QStringLiteral("as")}, {}, false},
         runUserList},
        {QStringLiteral("user unlock"),
         QStringLiteral("user unlock LOGIN --as ADMIN"),
         t("Unlock an account locked after failed logins (action user.unlock).",
           "解锁因登录失败被锁定的账户（操作 user.unlock）。"),
         t("stdin: one line, the administrator's password.", "标准输入：一行，管理员密码。"),
         {{QStringLiteral("login")}, {}, {QStringLiteral("as")}, {}, false},
         runUserUnlock},
        {QStringLiteral("actions"),
         QStringLiteral("actions"),
         t("Every action: name, title, parameters, permission and the rules that apply.",
           "列出全部操作：名称、标题、参数、所需权限及适用规则。"),
         t("Reads no database.", "不读取数据库。"),
         {},
         runActions},
        {QStringLiteral("do"),
         QStringLiteral(
             "do ACTION --as LOGIN [--sign MEANING=LOGIN ...] [--reason TEXT] [key=value ...]"),
         t("Run an action through the action bus (validated, rules checked, audited).",
           "通过操作总线执行一项操作（校验参数、检查规则、写入审计）。"),
         t("stdin: one password per line: --as first, then each --sign in order.\n"
           "Values are text; the action validates them and names any bad field.\n"
           "A rule that needs approval stores a request: status pending_approval, exit 0.",
           "标准输入：每人一行密码：先 --as，再按顺序每个 --sign。\n"
           "参数值为文本，由操作校验并指明出错字段。\n需审批的规则会生成审批申请：状态 "
           "pending_approval，退出码 0。"),
         {{QStringLiteral("action")},
          {},
          {QStringLiteral("as"), QStringLiteral("sign"), QStringLiteral("reason")},
          {},
          true},
         runDo},
        {QStringLiteral("approvals"),
         QStringLiteral("approvals --as LOGIN [--mine] [--status pending|approved|rejected]"),
         t("Approval requests (pending by default); --mine: those waiting for you.",
           "审批申请（默认待审批）；--mine：等待我审批的申请。"),
         t("stdin: one line, the password of --as.", "标准输入：一行，--as 的密码。"),
         {{},
          {},
          {QStringLiteral("as"), QStringLiteral("status")},
          {QStringLiteral("mine")},
          false},
         runApprovals},
        {QStringLiteral("query"),
         QStringLiteral("query [NAME --as LOGIN [key=value ...]]"),
         t("Run a read-only list; without NAME, list the queries this build offers.",
           "执行只读查询；不带 NAME 时列出可用查询。"),
         t("stdin: one line, the password of --as. What you see (masked phone numbers,\n"
           "confidential records) depends on who you are.",
           "标准输入：一行，--as 的密码。可见内容（电话号码打码、保密档案）取决于身份。"),
         {{}, {QStringLiteral("name")}, {QStringLiteral("as")}, {}, true},
         runQuery},
        {QStringLiteral("export"),
         QStringLiteral("export QUERY --as LOGIN --format csv|xlsx --out FILE [key=value ...]"),
         t("Write a list to a CSV or XLSX file exactly as the desktop list shows it (audited).",
           "将列表按桌面程序显示的样子写入 CSV 或 XLSX 文件（记入审计）。"),
         t("stdin: one line, the password of --as. The file holds the list's column titles and\n"
           "codes as words in the language of --lang (or LANG), phone numbers masked as on the\n"
           "screen, and only the rows the person may see. A person whose roles do not permit the\n"
           "list is refused (exit 3, naming the permission) and no file is written. Each export\n"
           "leaves an audit row export.table naming the list, the format and the row count.\n"
           "CSV is UTF-8 with a byte-order mark. Without --format the suffix of --out decides.\n"
           "key=value: the list's parameters (see `frontdeskctl query`).",
           "标准输入：一行，--as 的密码。文件内容与桌面程序列表所示相同：列标题及代码按 --lang"
           "（或 LANG）\n的语言显示为文字，电话号码与屏幕上一样打码，只含本人可见的行。\n"
           "角色无权查看该列表时拒绝执行（退出码 3，并指出所需权限），不写任何文件。\n"
           "每次导出写入一条审计记录 export.table，注明列表、格式和行数。\n"
           "CSV 为带 BOM 的 UTF-8。未给出 --format 时按 --out 的扩展名决定。\n"
           "key=value：列表的参数（见 `frontdeskctl query`）。"),
         {{QStringLiteral("query")},
          {},
          {QStringLiteral("as"), QStringLiteral("format"), QStringLiteral("out")},
          {},
          true},
         runExport},
        {QStringLiteral("print"),
         QStringLiteral("print [FORM ID --as LOGIN --out FILE.pdf]"),
         t("Print a form (handover sheet, duty record, loan slip …) to PDF as the desktop "
           "program prints it (audited); without FORM, list the forms.",
           "将表单（交接班记录、值班记录表、借阅单等）按桌面程序的版式打印为 PDF（记入审计）；"
           "不带 FORM 时列出全部表单。"),
         t("stdin: one line, the password of --as. The PDF has the office header, codes as\n"
           "words in the language of --lang (or LANG), phones masked, the audit anchor SEQ:HASH\n"
           "and who printed it when. A person who may not print the form or see the record is\n"
           "refused (exit 3) and no file is written. Each print leaves an audit row print.form.\n"
           "Forms and what their ID is: `frontdeskctl forms`.",
           "标准输入：一行，--as 的密码。PDF 含办公地抬头，代码按 --lang（或 LANG）的语言显示为\n"
           "文字，电话号码打码，并印有审计链头 序号:哈希 及打印人和时间。无权打印该表单或\n"
           "无权查看该记录者被拒绝（退出码 3），不写任何文件。每次打印写入一条审计记录 "
           "print.form。\n表单名称及其 ID 的含义：`frontdeskctl forms`。"),
         {{},
          {QStringLiteral("form"), QStringLiteral("id")},
          {QStringLiteral("as"), QStringLiteral("out")},
          {},
          false},
         runPrint},
        {QStringLiteral("forms"),
         QStringLiteral("forms"),
         t("The forms `print` can print: name, title and what the ID names.",
           "`print` 可打印的表单：名称、标题及 ID 的含义。"),
         t("Reads no database.", "不读取数据库。"),
         {},
         runForms},
        {QStringLiteral("audit verify"),
         QStringLiteral("audit verify [--anchor SEQ:HASH]"),
         t("Walk the audit hash chain; exit 4 naming the first broken sequence number.",
           "校验审计哈希链；断裂时退出码 4 并指出第一个断裂序号。"),
         t("--anchor: a head printed on paper (handover sheet, report); proves the chain still "
           "holds it.",
           "--anchor：纸面上印的链头（交接单、报表），证明链中仍含该行。"),
         {{}, {}, {QStringLiteral("anchor")}, {}, false},
         runAuditVerify},
        {QStringLiteral("audit head"),
         QStringLiteral("audit head"),
         t("Print the last audit row as SEQ:HASH.", "输出最后一条审计记录的 序号:哈希。"),
         {},
         {},
         runAuditHead},
        {QStringLiteral("audit log"),
         QStringLiteral("audit log --as LOGIN [--entity E] [--since T] [--limit N]"),
         t("Audit rows, newest first (phone numbers masked).",
           "审计记录，最新在前（电话号码打码）。"),
         t("stdin: one line, the password of --as, who needs the audit.read permission.\n"
           "--since: a date (office time) or an ISO UTC time; --limit: default 1000.",
           "标准输入：一行，--as 的密码（须有 audit.read 权限）。\n"
           "--since：日期（办公地时间）或 ISO UTC 时间；--limit：默认 1000。"),
         {{},
          {},
          {QStringLiteral("as"), QStringLiteral("entity"), QStringLiteral("since"),
           QStringLiteral("limit")},
          {},
          false},
         runAuditLog},
        {QStringLiteral("policy show"),
         QStringLiteral("policy show"),
         t("The rules (id, clauses, actions, check) and roles of the policy in force.",
           "当前生效规则的规则（编号、条款、操作、检查）与角色。"),
         t("The policy in force is the newest version stored in the database; without a "
           "database, the program's built-in policy.",
           "生效规则是数据库中最新存储的版本；没有数据库时为程序内置规则。"),
         {},
         runPolicyShow},
        {QStringLiteral("policy apply"),
         QStringLiteral("policy apply FILE --as ADMIN [--reason TEXT]"),
         t("Lint a policy file and put it in force from the next action on (action "
           "policy.apply, audited).",
           "检查规则文件并自下一项操作起生效（操作 policy.apply，记入审计）。"),
         t("stdin: one line, the administrator's password. The version and its SHA-256 are "
           "stored in the database; audit rows name the version.",
           "标准输入：一行，管理员密码。版本及其 SHA-256 存入数据库；审计记录注明版本。"),
         {{QStringLiteral("file")},
          {},
          {QStringLiteral("as"), QStringLiteral("reason")},
          {},
          false},
         runPolicyApply},
        {QStringLiteral("policy check"),
         QStringLiteral("policy check FILE"),
         t("Lint a policy file strictly; each error as \"path: message\"; exit 2 when there are "
           "errors.",
           "严格检查规则文件；每个错误一行「路径: 说明」；有错误时退出码 2。"),
         {},
         {{QStringLiteral("file")}, {}, {}, {}, false},
         runPolicyCheck},
        {QStringLiteral("backup"),
         QStringLiteral("backup DEST | backup --auto [--dir DIR]"),
         t("Copy the live database to a new file (online) and verify the copy; --auto: today's "
           "daily copy.",
           "在线复制数据库到新文件并校验副本；--auto：当日的每日备份。"),
         t("--auto (for cron): unless today's verified backup is recorded already, copies to\n"
           "DIR/frontdesk-YYYY-MM-DD.db (office date; DIR defaults to backups/ in the data\n"
           "folder), verifies it, records it (backup_runs, audit row backup.verified), then\n"
           "keeps the 30 newest daily copies and the newest of each of the last 12 months in\n"
           "DIR, deleting only the program's own older copies. Running it again the same day\n"
           "makes no new copy (made: false).\n"
           "A server database (--db postgresql://...) is copied with pg_dump --format=custom\n"
           "(PATH, else /usr/lib/postgresql/N/bin; the password from ~/.pgpass or PGPASSFILE)\n"
           "to DEST or DIR/frontdesk-YYYY-MM-DD.dump, and verified without a server: pg_restore\n"
           "reads the archive through, then the audit chain is walked on the rows it holds.\n"
           "Such a copy is restored into a new, empty database with pg_restore\n"
           "(docs/deployment.md, \"Backups on the server\"), not with restore.",
           "--auto（供 cron 使用）：若今日尚无登记的校验备份，则复制到\n"
           "DIR/frontdesk-YYYY-MM-DD.db（办公地日期；DIR 默认为数据文件夹中的 backups/），\n"
           "校验并登记（backup_runs 表及审计记录 backup.verified），然后在 DIR 中保留最新 30 "
           "份每日备份及最近 12 个月每月最新的一份，只删除本程序自己命名的旧备份。\n"
           "同一天再次运行不会再复制（made: false）。\n"
           "服务器数据库（--db postgresql://...）用 pg_dump --format=custom 复制（先找 PATH，\n"
           "再找 /usr/lib/postgresql/N/bin；密码取自 ~/.pgpass 或 PGPASSFILE）到 DEST 或\n"
           "DIR/frontdesk-YYYY-MM-DD.dump，并在无需服务器的情况下校验：pg_restore 完整读取\n"
           "归档，再按其中的记录校验审计链。此类副本用 pg_restore 恢复到新的空数据库\n"
           "（见 docs/deployment.md 的“Backups on the server”一节），而不是用 restore。"),
         {{}, {QStringLiteral("dest")}, {QStringLiteral("dir")}, {QStringLiteral("auto")}, false},
         runBackup},
        {QStringLiteral("restore"),
         QStringLiteral("restore SRC --as ADMIN"),
         t("Replace the database with a verified copy; a copy that fails verification (exit 4) "
           "changes nothing.",
           "用校验通过的副本替换数据库；副本校验失败（退出码 4）时不做任何改动。"),
         t("stdin: one line, the password of an administrator of the live database (on a new "
           "machine, init a database first). The restored data gets a system.restore audit row.",
           "标准输入：一行，现有数据库管理员的密码（新机器上先 init）。恢复后的数据追加一条 "
           "system.restore 审计记录。"),
         {{QStringLiteral("src")}, {}, {QStringLiteral("as")}, {}, false},
         runRestore},
        {QStringLiteral("migrate"),
         QStringLiteral("migrate --to postgresql://USER@HOST:PORT/DBNAME --as ADMIN"),
         t("Move a one-desk office to a PostgreSQL server: its database file (--db) is copied "
           "into an empty server database.",
           "将单工作台办公室迁移到 PostgreSQL "
           "服务器：把数据库文件（--db）复制到空的服务器数据库。"),
         t("stdin: one line, the password of an administrator of the file. The file's audit "
           "chain is verified first; the server database must hold no user and no audit row.\n"
           "Every table is copied in one transaction on the server (ids kept); the copied chain "
           "must end at the file's head, and is verified again after the commit. Prints both "
           "heads (file, server). Anything refused changes nothing on the server.",
           "标准输入：一行，该文件中管理员的密码。先校验文件的审计链；服务器数据库中不得已有用户"
           "或审计记录。\n所有表在服务器上的一个事务中复制（保留编号）；复制后的审计链须止于文件"
           "的链头，提交后再次校验。输出两端链头（文件、服务器）。被拒绝时服务器上不做任何改动。"),
         {{}, {}, {QStringLiteral("to"), QStringLiteral("as")}, {}, false},
         runMigrate},
        {QStringLiteral("seed"),
         QStringLiteral("seed --profile demo|large --as ADMIN [--seed N]"),
         t("Fill a demo database with demo data, module by module, as the administrator.",
           "以系统管理员身份逐个模块向演示数据库填充演示数据。"),
         t("stdin: one line, the administrator's password. Only a database created with "
           "\"init --demo\" accepts demo data (exit 3 otherwise). The same --seed gives the same "
           "data.",
           "标准输入：一行，管理员密码。只有用「init --demo」创建的数据库接受演示数据（否则退出码 "
           "3）。相同的 --seed 生成相同数据。"),
         {{},
          {},
          {QStringLiteral("profile"), QStringLiteral("seed"), QStringLiteral("as")},
          {},
          false},
         runSeed},
    };
    return table;
}

} // namespace fd::cli
