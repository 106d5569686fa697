<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>fd::gui::ArchivesPage</name>
    <message>
        <location filename="../../src/gui/pages/archives/archives_page.cpp" line="+86"/>
        <source>Search volumes, items and documents: number or any words of the title…</source>
        <translation>检索案卷、卷内文件和文件：编号或题名中的任意字词…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request loan…</source>
        <translation>借阅申请…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print general catalogue…</source>
        <translation>打印总目录…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Volume</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a volume to see its items.</source>
        <translation>选择一个案卷以查看卷内目录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests waiting for approval</source>
        <translation>待审批的借阅申请</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Borrowing register</source>
        <translation>借阅登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check out…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loans</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print reminder slip…</source>
        <translation>打印催还单…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+166"/>
        <source>Overdue</source>
        <translation>逾期未还</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Incidents waiting for a written report (R1-1.2.6)</source>
        <translation>待书面报告的事故（R1-1.2.6）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write report…</source>
        <translation>书面报告…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+156"/>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>First %1 matches</source>
        <translation>前 %1 条结果</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Document %1: %2</source>
        <translation>文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%1 %2 — %n item(s)</source>
        <translation>
            <numerusform>%1 %2 — 卷内 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue (%1)</source>
        <translation>逾期未还（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incidents (%1)</source>
        <translation>事故（%1）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Select an incident first.</source>
        <translation>请先选择一条事故记录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Incident %1 (%2) on loan %3, %4: %5</source>
        <translation>事故 %1（%2），借阅 %3，%4：%5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident %1 (%2), %3: %4</source>
        <translation>事故 %1（%2），%3：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written report of incident %1 recorded.</source>
        <translation>事故 %1 的书面报告已登记。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loan request #%1 is waiting for approval (%2): %3</source>
        <translation>借阅申请 #%1 等待审批（%2）：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loan %1 registered.</source>
        <translation>借阅 %1 已登记。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Request #%1 is waiting for approval; it can be checked out once it is approved.</source>
        <translation>申请 #%1 尚待批准，批准后方可借出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a loan in the register first.</source>
        <translation>请先在借阅登记中选择一条借阅。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Return of loan %1: %2, borrowed by %3</source>
        <translation>归还借阅 %1：%2，借阅人 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkout of loan %1: %2, to %3</source>
        <translation>借出借阅 %1：%2，借给 %3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loan %1 returned: %2 item(s) counted.</source>
        <translation>借阅 %1 已归还：清点 %2 件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loan %1 returned with a difference: an incident waits for its written report (R1-1.2.6).</source>
        <translation>借阅 %1 归还时清点不符：已登记事故，须书面报告（R1-1.2.6）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan %1 checked out: %2 item(s) counted.</source>
        <translation>借阅 %1 已借出：清点 %2 件。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Printing the general catalogue…</source>
        <translation>正在打印总目录…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>General catalogue printed: %n page(s).</source>
        <translation>
            <numerusform>总目录已打印：共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reminder slip for loan %1 printed.</source>
        <translation>借阅 %1 的催还单已打印。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print the general catalogue</source>
        <translation>打印总目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>general-catalogue.pdf</source>
        <translation>档案总目录.pdf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select an overdue loan first.</source>
        <translation>请先选择一条逾期借阅。</translation>
    </message>
</context>
<context>
    <name>fd::gui::IncidentReportDialog</name>
    <message>
        <location filename="../../src/gui/pages/archives/loan_dialogs.cpp" line="+269"/>
        <source>Written incident report</source>
        <translation>事故书面报告</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write what was lost, damaged or disclosed, how it happened, who is responsible and what has been done (R1-1.2.6).</source>
        <translation>请写明遗失、损坏或泄密的档案，事情经过、责任人及已采取的处理措施（R1-1.2.6）。</translation>
    </message>
</context>
<context>
    <name>fd::gui::LoanCountDialog</name>
    <message>
        <location line="-40"/>
        <source>Borrower signing the printed slip</source>
        <translation>在借阅单上签字的借阅人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their ID document</source>
        <translation>其身份证件</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Return: count the items</source>
        <translation>归还：清点文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkout: count the items</source>
        <translation>借出：清点文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Items counted face to face (catalogue: %1)</source>
        <translation>当面清点件数（目录记载 %1 件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>有破损</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Condition</source>
        <translation>完好情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>fd::gui::LoanRequestDialog</name>
    <message>
        <location line="-85"/>
        <source>Lending to this borrower would take the archives out of the company: they read on site only (R1-2.5.1).</source>
        <translation>借给此借阅人会把档案带出公司：只能现场查阅（R1-2.5.1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The archives stay in the company (R1-2.5.1).</source>
        <translation>档案不出公司（R1-2.5.1）。</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Archive loan request</source>
        <translation>档案借阅申请</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+24"/>
        <source>Staff member</source>
        <translation>本公司员工</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Parent company (inspection)</source>
        <translation>上级公司（检查）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside organisation</source>
        <translation>外单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower</source>
        <translation>借阅人类别</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Borrower&apos;s name</source>
        <translation>借阅人姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>number of the introduction letter</source>
        <translation>介绍信编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduction letter</source>
        <translation>介绍信</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>volume numbers, separated by commas</source>
        <translation>案卷号，用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purpose</source>
        <translation>借阅目的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read on site</source>
        <translation>现场查阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lend</source>
        <translation>借出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>查阅方式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due date</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff loans wait for the office manager&apos;s approval; outside organisations need their introduction letter and ID recorded.</source>
        <translation>员工借阅须经管理处经理批准；外单位借阅须登记介绍信和身份证件。</translation>
    </message>
</context>
<context>
    <name>fd::gui::Pages</name>
    <message>
        <location filename="../../src/gui/pages/archives/archives_pages.cpp" line="+12"/>
        <source>Archives</source>
        <translation>档案</translation>
    </message>
</context>
</TS>
