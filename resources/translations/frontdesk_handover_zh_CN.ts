<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>fd::gui::DutyLogTab</name>
    <message>
        <location filename="../../src/gui/pages/handover/duty_log_tab.cpp" line="+24"/>
        <source>Start duty</source>
        <translation>开始值班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record duty swap…</source>
        <translation>登记调班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty record to PDF…</source>
        <translation>值班记录表导出PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inspection round…</source>
        <translation>巡查登记…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lighting check…</source>
        <translation>灯光检查…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record incident…</source>
        <translation>登记突发事件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End selected duty…</source>
        <translation>结束所选值班…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor: end without successor…</source>
        <translation>主管特批：无人接班结束值班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written report…</source>
        <translation>书面报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident report to PDF…</source>
        <translation>事件报告导出PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duty records</source>
        <translation>值班记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incidents (a major one is reported in writing)</source>
        <translation>突发事件（重大事件须作书面报告）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major (reported to the CS manager at once)</source>
        <translation>重大（立即报告客服部经理）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why the duty may end before the successor arrives</source>
        <translation>接班人未到岗即可结束值班的原因</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+66"/>
        <location line="+15"/>
        <source>a duty record</source>
        <translation>一条值班记录</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>On and off as required</source>
        <translation>按规定开关，正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not as required (see the note)</source>
        <translation>未按规定开关（见备注）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+28"/>
        <location line="+8"/>
        <source>an incident</source>
        <translation>一件突发事件</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Written report: %1</source>
        <translation>书面报告：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason (reported to the CS manager)</source>
        <translation>调班原因（报客服部经理）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>incident-report-%1.pdf</source>
        <translation>事件报告-%1.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duty-record-%1.pdf</source>
        <translation>值班记录表-%1.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>fd::gui::FrontDeskTab</name>
    <message>
        <location filename="../../src/gui/pages/handover/front_desk_tab.cpp" line="+19"/>
        <source>Receive mail…</source>
        <translation>登记信报刊…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver selected mail…</source>
        <translation>派发所选信报刊…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a call…</source>
        <translation>登记来电…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custody or forwarding…</source>
        <translation>物品代存/转交…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release selected…</source>
        <translation>领取所选物品…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record monthly bill…</source>
        <translation>登记月度电话费…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mail register</source>
        <translation>信报刊登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source>Custody and forwarding</source>
        <translation>物品代存/转交</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Phone log</source>
        <translation>来电登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone bill and quota</source>
        <translation>电话费与定额</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodical</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a mail item</source>
        <translation>一件信报刊</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed for</source>
        <translation>本人签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over (recorded by the clerk)</source>
        <translation>当面交付（前台登记）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put in the mailbox</source>
        <translation>投入信箱</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Request #%1 is waiting for approval; the item can be released once it is approved.</source>
        <translation>申请 #%1 尚待批准，批准后方可领取。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a custody or forwarding item</source>
        <translation>一件代存/转交物品</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Release: %1</source>
        <translation>领取：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Released to (left for %1)</source>
        <translation>实际领取人（原定领取人：%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Amount (yuan; the department&apos;s quota is %1)</source>
        <translation>金额（元；部门定额 %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phone bill of %1 recorded: %2 yuan over the quota, paid by the receptionist.</source>
        <translation>%1 电话费已登记：超出定额 %2 元，由前台接待员自付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone bill of %1 recorded: within the quota.</source>
        <translation>%1 电话费已登记：未超出定额。</translation>
    </message>
</context>
<context>
    <name>fd::gui::HandoverPage</name>
    <message>
        <location filename="../../src/gui/pages/handover/handover_page.cpp" line="+23"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front desk</source>
        <translation>前台事务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty log</source>
        <translation>值班记录</translation>
    </message>
</context>
<context>
    <name>fd::gui::HandoverTab</name>
    <message>
        <location filename="../../src/gui/pages/handover/handover_tab.cpp" line="+39"/>
        <source>Select a row</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select %1 in the list first.</source>
        <translation>请先在列表中选择%1。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Printed %n page(s) to %1.</source>
        <translation>
            <numerusform>已打印 %n 页到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::gui::Pages</name>
    <message>
        <location filename="../../src/gui/pages/handover/handover_pages.cpp" line="+11"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
</context>
<context>
    <name>fd::gui::SheetTab</name>
    <message>
        <location filename="../../src/gui/pages/handover/sheet_tab.cpp" line="+37"/>
        <source>Post:</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open handover sheet</source>
        <translation>开始交接班</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sheet to PDF…</source>
        <translation>交接班记录导出PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handover log to PDF…</source>
        <translation>前台交接日志导出PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exceptions of the month to PDF…</source>
        <translation>本月特批报表导出 PDF…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+481"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location line="-481"/>
        <source>handover-exceptions-%1.pdf</source>
        <translation>交接班特批-%1.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+480"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="-452"/>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+3"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Cause</source>
        <translation>起因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Course</source>
        <translation>经过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity</source>
        <translation>性质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add matter…</source>
        <translation>登记事项…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit matter…</source>
        <translation>修改事项…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters (cause, course, result)</source>
        <translation>交接事项（起因、经过、结果）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued by</source>
        <translation>指示人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instruction</source>
        <translation>指示内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledged</source>
        <translation>确认情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record instruction…</source>
        <translation>登记指示…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge</source>
        <translation>确认收悉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions from superiors</source>
        <translation>上级指示、命令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked</source>
        <translation>清点结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked by</source>
        <translation>清点人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>齐全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing…</source>
        <translation>缺失…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item checklist</source>
        <translation>交接物品清单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Record start/stop…</source>
        <translation>登记启停…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Addendum</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addendum…</source>
        <translation>补充说明…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incoming checks the mail…</source>
        <translation>接班人核对信报刊…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undelivered mail</source>
        <translation>未派发的信报刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major equipment start/stop</source>
        <translation>重大设备启停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addenda</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incoming person signs in…</source>
        <translation>接班人签到…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark incoming unfit…</source>
        <translation>接班人不宜接班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor override…</source>
        <translation>主管特批…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete handover…</source>
        <translation>完成交接…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out a person who has left…</source>
        <translation>为已离岗人员签退…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Login of the person</source>
        <translation>人员登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why (recorded)</source>
        <translation>原因（将被记录）</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+6"/>
        <source>Login of the incoming person</source>
        <translation>接班人登录名</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+69"/>
        <source>drinking</source>
        <translation>饮酒</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <source>not lucid</source>
        <translation>神志不清</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>No handover sheet of this post is open. Open one to start the handover; it is prefilled with what the last shift left open.</source>
        <translation>本岗位没有进行中的交接班记录。开始交接后，上一班未了结的事项和未确认的指示会自动带入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sheet %1</source>
        <translation>交接班记录 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened %1</source>
        <translation>%1 开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>outgoing: %1</source>
        <translation>交班人：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming: %1</source>
        <translation>接班人：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not signed in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed %1</source>
        <translation>%1 完成交接</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Marked unfit to take over: %1 (%2)</source>
        <translation>不宜接班：%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Supervisor override by %1 at %2: %3</source>
        <translation>主管特批：%1，%2，原因：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>earlier shift</source>
        <translation>前班带入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>waiting</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>present</source>
        <translation>齐全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not checked</source>
        <translation>未清点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodical</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+141"/>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+141"/>
        <source>stop</source>
        <translation>停机</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+142"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+143"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <location line="-94"/>
        <source>Sheet %1 opened: %n matter(s) carried over.</source>
        <translation>
            <numerusform>交接班记录 %1 已开始：带入 %n 项未了结事项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add matter</source>
        <translation>登记交接事项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a matter first.</source>
        <translation>请先选择一项交接事项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit matter %1</source>
        <translation>修改交接事项 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select an instruction first.</source>
        <translation>请先选择一条指示。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select an item of the checklist first.</source>
        <translation>请先在清单中选择一项物品。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is missing</source>
        <translation>缺失情况</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select an equipment operation first.</source>
        <translation>请先选择一项设备操作。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Why the handover may proceed (printed on the sheet)</source>
        <translation>特批交接的原因（将打印在记录上）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Handover sheet %1, %2: the outgoing and the incoming person sign.</source>
        <translation>交接班记录 %1（%2）：请交班人和接班人签名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Handover completed.</source>
        <translation>交接班已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover completed and signed by %1 and %2.</source>
        <translation>交接班已完成，由 %1 和 %2 签名。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>front-desk-handover-log-%1.pdf</source>
        <translation>前台交接日志-%1.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover-sheet-%1.pdf</source>
        <translation>交接班记录-%1.pdf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>An addendum is added to a completed sheet; an open sheet is still changed directly.</source>
        <translation>补充说明用于已完成的交接班记录；未完成的记录请直接修改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Addendum to sheet %1</source>
        <translation>交接班记录 %1 的补充说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correction or addition (the signed sheet stays as it is)</source>
        <translation>更正或补充内容（已签字的记录保持不变）</translation>
    </message>
</context>
</TS>
