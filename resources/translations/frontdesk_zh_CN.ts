<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.ui" line="+6"/>
        <source>Sign in — Frontdesk</source>
        <translation>登录 — 客服部前台系统</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="+6"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Lock after idle (minutes)</source>
        <translation>无操作自动锁定（分钟）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Data kept in</source>
        <translation>数据存放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A new place for the data takes effect at the next start. 0 minutes: the policy&apos;s timeout.</source>
        <translation>数据存放位置的更改在下次启动时生效。0 分钟：采用制度规定的时限。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>fd::gui::ActionFormDialog</name>
    <message>
        <location filename="../../src/gui/action_form_dialog.cpp" line="+53"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>fd::gui::ActionRunner</name>
    <message>
        <location filename="../../src/gui/action_runner.cpp" line="+42"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent for approval: %1</source>
        <translation>已提交审批：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
<context>
    <name>fd::gui::ApprovalsPage</name>
    <message>
        <location filename="../../src/gui/pages/core/approvals_page.cpp" line="+35"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for my approval</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a request to read it.</source>
        <translation>选择一项申请以查看其内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a request first.</source>
        <translation>请先选择一条申请。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decision: approve</source>
        <translation>决定：批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision: reject</source>
        <translation>决定：驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>意见：%1</translation>
    </message>
</context>
<context>
    <name>fd::gui::AutoBackup</name>
    <message>
        <location filename="../../src/gui/auto_backup.cpp" line="+67"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today&apos;s backup was made and verified: %1</source>
        <translation>今日备份已完成并校验：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s verified backup exists already: %1</source>
        <translation>今日已有经校验的备份：%1</translation>
    </message>
</context>
<context>
    <name>fd::gui::DashboardPage</name>
    <message>
        <location filename="../../src/gui/pages/core/dashboard_page.cpp" line="+24"/>
        <source>Needs attention</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Nothing waits for you.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s) wait for you.</source>
        <translation>
            <numerusform>共有 %n 项待办。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::gui::DatabaseChoice</name>
    <message>
        <location filename="../../src/gui/database_choice.cpp" line="+22"/>
        <source>A database file on this computer (one desk)</source>
        <translation>本机数据库文件（单工作台）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office&apos;s PostgreSQL server (several desks)</source>
        <translation>办公室 PostgreSQL 服务器（多工作台）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>frontdesk.db in the data folder</source>
        <translation>数据文件夹中的 frontdesk.db</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check the server&apos;s certificate and name (verify-full)</source>
        <translation>校验服务器证书及名称（verify-full）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the certificate&apos;s authority (verify-ca)</source>
        <translation>校验证书颁发机构（verify-ca）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypt, without checking (require)</source>
        <translation>加密，不校验（require）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt when the server offers it (prefer)</source>
        <translation>服务器支持时加密（prefer）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk login</source>
        <translation>工作台登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password is not typed here: it is kept in ~/.pgpass of this computer&apos;s account (see the deployment guide).</source>
        <translation>密码不在此处填写：保存在本机账户的 ~/.pgpass 中（见部署说明）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite database (*.db)</source>
        <translation>SQLite 数据库 (*.db)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Server: give the server&apos;s name or address.</source>
        <translation>服务器：请填写服务器名称或地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: give the office&apos;s database name.</source>
        <translation>数据库：请填写办公室数据库名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desk login: give this desk&apos;s login on the server.</source>
        <translation>工作台登录名：请填写本工作台在服务器上的登录名。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected to %1.</source>
        <translation>已连接 %1。</translation>
    </message>
</context>
<context>
    <name>fd::gui::DateField</name>
    <message>
        <location filename="../../src/gui/date_field.cpp" line="+24"/>
        <source>Calendar…</source>
        <translation>日历…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the day on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
</context>
<context>
    <name>fd::gui::FirstAdminDialog</name>
    <message>
        <location filename="../../src/gui/first_admin_dialog.cpp" line="+17"/>
        <source>Set up Frontdesk</source>
        <translation>初始化客服部前台系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database has no users yet. Create the administrator account (or close this window and run `frontdeskctl init`).</source>
        <translation>该数据库还没有用户。请创建系统管理员账户（或关闭本窗口后运行 `frontdeskctl init`）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>fd::gui::FirstRunDialog</name>
    <message>
        <location filename="../../src/gui/first_run_dialog.cpp" line="+15"/>
        <source>Frontdesk: where this desk keeps its data</source>
        <translation>前台系统：本工作台的数据存放位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A one-desk office keeps its data in a file on this computer. An office whose desks work together (the supervisor approves from their own desk) keeps it on the office&apos;s PostgreSQL server; ask the administrator for its address and your desk&apos;s login.</source>
        <translation>单工作台办公室的数据保存在本机文件中。多个工作台协同的办公室（主管在自己的工作台审批）将数据保存在办公室的 PostgreSQL 服务器上；请向系统管理员索取服务器地址及本工作台的登录名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>fd::gui::FormPrinter</name>
    <message>
        <location filename="../../src/gui/print/form_printer.cpp" line="+27"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>fd::gui::ListsPage</name>
    <message>
        <location filename="../../src/gui/pages/core/lists_page.cpp" line="+17"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
</context>
<context>
    <name>fd::gui::LockScreen</name>
    <message>
        <location filename="../../src/gui/idle_lock.cpp" line="+67"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session of %1 was locked after a period without use. Enter the password to continue.</source>
        <translation>%1 的会话因长时间无操作已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>fd::gui::LoginDialog</name>
    <message>
        <location filename="../../src/gui/login_dialog.cpp" line="+15"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
</context>
<context>
    <name>fd::gui::MainWindow</name>
    <message>
        <location filename="../../src/gui/main_window.cpp" line="+38"/>
        <source>Frontdesk — %1</source>
        <translation>客服部前台系统 — %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo database: the data and the passwords are for trying the program, not for real work.</source>
        <translation>演示数据库：其中的数据和口令仅供试用本程序，请勿用于实际工作。</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+9"/>
        <source>The database server cannot be reached; retrying…</source>
        <translation>无法连接数据库服务器，正在重试…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Connected to the database server again.</source>
        <translation>已重新连接数据库服务器。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Ask an administrator; you can only sign out now.</source>
        <translation>请联系系统管理员；现在只能退出登录。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Frontdesk</source>
        <translation>关于客服部前台系统(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Frontdesk</source>
        <translation>关于客服部前台系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frontdesk %1 — the customer-service front desk of %2.
Policy %3.</source>
        <translation>客服部前台系统 %1 — %2。
制度版本 %3。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Roles: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit head: %1:%2</source>
        <translation>审计链头：%1:%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit head unavailable: %1</source>
        <translation>无法读取审计链头：%1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SQLite database (*.db)</source>
        <translation>SQLite 数据库 (*.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PostgreSQL archive (*.dump)</source>
        <translation>PostgreSQL 备份档 (*.dump)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The database was copied to %1.</source>
        <translation>数据库已备份到 %1。</translation>
    </message>
</context>
<context>
    <name>fd::gui::MessageLine</name>
    <message>
        <location filename="../../src/gui/message_line.cpp" line="+27"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved to %1</source>
        <translation>已保存到：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>fd::gui::Pages</name>
    <message>
        <location filename="../../src/gui/pages/core/core_pages.cpp" line="+15"/>
        <source>Needs attention</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lists</source>
        <translation>列表查询</translation>
    </message>
    <message>
        <location filename="../../src/gui/pages/residents/residents_pages.cpp" line="+11"/>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
</context>
<context>
    <name>fd::gui::QueryListView</name>
    <message>
        <location filename="../../src/gui/query_list_view.cpp" line="+43"/>
        <source>Filter the list…</source>
        <translation>筛选列表…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <location line="+32"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>fd::gui::Refusal</name>
    <message>
        <location filename="../../src/gui/refusal.cpp" line="+36"/>
        <source>%1: %2</source>
        <translation>「%1：%2」</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data failed an integrity check: %1</source>
        <translation>数据完整性检查未通过：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database could not be used: %1</source>
        <translation>数据库无法使用：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not allowed by the regulations</source>
        <translation>制度不允许</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please check the input</source>
        <translation>请检查输入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>fd::gui::ResidentsPage</name>
    <message>
        <location filename="../../src/gui/pages/residents/residents_page.cpp" line="+48"/>
        <source>Search: room (3-2-15), name, last 4 phone digits, any words…</source>
        <translation>搜索：房号（3-2-15）、姓名、电话后四位或任意文字…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>building-unit-room, e.g. 3-2-1502</source>
        <translation>楼栋-单元-房间，例如 3-2-1502</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card (last 4)</source>
        <translation>身份证后四位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>only the last 4 characters</source>
        <translation>只填最后 4 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second phone</source>
        <translation>电话2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved in</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register move-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move out…</source>
        <translation>迁出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show phone…</source>
        <translation>查看电话…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import problems (nothing was imported):</source>
        <translation>导入问题（未导入任何记录）：</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Show the whole phone number</source>
        <translation>查看完整电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why do you need the whole number? (recorded in the audit log)</source>
        <translation>为什么需要查看完整号码？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>First %1 matches</source>
        <translation>前 %1 条结果</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n resident(s)</source>
        <translation>
            <numerusform>共 %n 位住户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Registered %1.</source>
        <translation>已登记 %1。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Whole number: %1 (shown once, recorded)</source>
        <translation>完整号码：%1（仅显示一次，已记录）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing residents…</source>
        <translation>正在导入住户…</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n problem(s) in %1; nothing imported.</source>
        <translation>
            <numerusform>%1 中有 %n 处问题，未导入任何记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Imported %1 resident(s) from %2.</source>
        <translation>已从 %2 导入 %1 位住户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 resident(s) from %2, read as %3 text.</source>
        <translation>已从 %2 导入 %1 位住户（按 %3 编码读取）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import residents</source>
        <translation>导入住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents (*.csv *.xlsx)</source>
        <translation>住户文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>residents-template.xlsx</source>
        <translation>住户导入模板.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>fd::gui::SettingsDialog</name>
    <message>
        <location filename="../../src/gui/settings_dialog.cpp" line="+40"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Policy default</source>
        <translation>制度默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>fd::gui::SignDialog</name>
    <message>
        <location filename="../../src/gui/sign_dialog.cpp" line="+56"/>
        <location line="+40"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>What you sign:</source>
        <translation>签字内容：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: enter the login and password.</source>
        <translation>%1：请输入登录名和密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 has already signed in this dialog; each signature must be given by a different person.</source>
        <translation>%1：%2 已在本次签字中签过；每项签字须由不同的人签署。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 does not hold the role %3.</source>
        <translation>%1：%2 不具备“%3”角色。</translation>
    </message>
</context>
<context>
    <name>fd::gui::TaskRunner</name>
    <message>
        <location filename="../../src/gui/task_runner.cpp" line="+36"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>frontdesk</name>
    <message>
        <location filename="../../src/app/main.cpp" line="+115"/>
        <source>Frontdesk, the customer-service front desk.</source>
        <translation>客服部前台系统。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file or postgresql://USER@HOST:PORT/DBNAME (else FRONTDESK_DB, else the settings, else frontdesk.db in the data folder).</source>
        <translation>数据库文件或 postgresql://用户@主机:端口/库名（否则取 FRONTDESK_DB，再否则取设置，再否则为数据文件夹中的 frontdesk.db）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>Frontdesk</source>
        <translation>客服部前台系统</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The database could not be opened:
%1</source>
        <translation>无法打开数据库：
%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The database %1 has no users. Create the administrator with:
  frontdeskctl init --admin admin</source>
        <translation>数据库 %1 还没有用户。请用以下命令创建管理员：
  frontdeskctl init --admin admin</translation>
    </message>
</context>
</TS>
