<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>fd::gui::HandoverPage</name>
    <message>
        <location filename="../../src/gui/pages/handover/handover_page.cpp" line="+68"/>
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
        <location line="+250"/>
        <source>Duty log</source>
        <translation>值班记录</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Post:</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open handover sheet</source>
        <translation>开始交接班</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sheet to PDF…</source>
        <translation>交接班记录导出PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handover log to PDF…</source>
        <translation>前台交接日志导出PDF…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+8"/>
        <location line="+14"/>
        <location line="+2"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+394"/>
        <location line="+26"/>
        <source>Cause</source>
        <translation>起因</translation>
    </message>
    <message>
        <location line="-420"/>
        <location line="+395"/>
        <location line="+26"/>
        <source>Course</source>
        <translation>经过</translation>
    </message>
    <message>
        <location line="-421"/>
        <location line="+396"/>
        <location line="+26"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-422"/>
        <location line="+197"/>
        <location line="+201"/>
        <location line="+26"/>
        <source>Severity</source>
        <translation>性质</translation>
    </message>
    <message>
        <location line="-423"/>
        <location line="+404"/>
        <location line="+26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-430"/>
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
        <location line="+432"/>
        <source>Issued by</source>
        <translation>指示人</translation>
    </message>
    <message>
        <location line="-432"/>
        <location line="+433"/>
        <source>Instruction</source>
        <translation>指示内容</translation>
    </message>
    <message>
        <location line="-433"/>
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
        <location line="+138"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="-138"/>
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
        <location line="+5"/>
        <location line="+91"/>
        <location line="+34"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+92"/>
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+93"/>
        <location line="+40"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+478"/>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="-478"/>
        <location line="+480"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-480"/>
        <location line="+485"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-484"/>
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
        <location line="+6"/>
        <source>Undelivered mail</source>
        <translation>未派发的信报刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+468"/>
        <source>Major equipment start/stop</source>
        <translation>重大设备启停</translation>
    </message>
    <message>
        <location line="-458"/>
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
        <location line="+40"/>
        <source>Receive mail…</source>
        <translation>登记信报刊…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deliver selected mail…</source>
        <translation>派发所选信报刊…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log a call…</source>
        <translation>登记来电…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custody or forwarding…</source>
        <translation>物品代存/转交…</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+2"/>
        <source>Receive mail</source>
        <translation>登记信报刊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a mail item first.</source>
        <translation>请先选择一件信报刊。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deliver mail</source>
        <translation>派发信报刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How</source>
        <translation>派发方式</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+5"/>
        <source>Log a call</source>
        <translation>登记来电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller&apos;s phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custody or forwarding</source>
        <translation>物品代存/转交</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custody</source>
        <translation>代存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarding</source>
        <translation>转交</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deposited by</source>
        <translation>寄存人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start duty</source>
        <translation>开始值班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record incident…</source>
        <translation>登记突发事件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End selected duty…</source>
        <translation>结束所选值班…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select a duty record first.</source>
        <translation>请先选择一条值班记录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record incident</source>
        <translation>登记突发事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major (reported to the CS manager at once)</source>
        <translation>重大（立即报告客服部经理）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>End duty</source>
        <translation>结束值班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How it was handled</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No handover sheet of this post is open. Open one to start the handover; it is prefilled with what the last shift left open.</source>
        <translation>本岗位没有进行中的交接班记录。开始交接后，上一班未了结的事项和未确认的指示会自动带入。</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+2"/>
        <source>completed %1</source>
        <translation>%1 完成交接</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <location line="+116"/>
        <location line="+26"/>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Marked unfit to take over: %1 (%2)</source>
        <translation>不宜接班：%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+259"/>
        <source>drinking</source>
        <translation>饮酒</translation>
    </message>
    <message>
        <location line="-258"/>
        <location line="+259"/>
        <source>not lucid</source>
        <translation>神志不清</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Supervisor override by %1 at %2: %3</source>
        <translation>主管特批：%1，%2，原因：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+119"/>
        <location line="+26"/>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+119"/>
        <location line="+26"/>
        <source>emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+116"/>
        <location line="+26"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+116"/>
        <location line="+26"/>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="-141"/>
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
        <location line="+15"/>
        <location line="+178"/>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="-178"/>
        <location line="+178"/>
        <source>stop</source>
        <translation>停机</translation>
    </message>
    <message>
        <location line="-177"/>
        <location line="+182"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="-182"/>
        <location line="+183"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Sent for approval: %1</source>
        <translation>已提交审批：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Sheet %1 opened: %n matter(s) carried over.</source>
        <translation>
            <numerusform>交接班记录 %1 已开始：带入 %n 项未了结事项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add matter</source>
        <translation>登记交接事项</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a matter first.</source>
        <translation>请先选择一项交接事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit matter %1</source>
        <translation>修改交接事项 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Record instruction</source>
        <translation>登记上级指示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an instruction first.</source>
        <translation>请先选择一条指示。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select an item of the checklist first.</source>
        <translation>请先在清单中选择一项物品。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is missing</source>
        <translation>缺失情况</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select an equipment operation first.</source>
        <translation>请先选择一项设备操作。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Incoming person signs in</source>
        <translation>接班人签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Login of the incoming person</source>
        <translation>接班人登录名</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Mark incoming person unfit</source>
        <translation>登记接班人不宜接班</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Condition</source>
        <translation>情形</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Supervisor override</source>
        <translation>主管特批交接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the handover may proceed (printed on the sheet)</source>
        <translation>特批交接的原因（将打印在记录上）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Handover completed.</source>
        <translation>交接班已完成。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Handover sheet %1, %2: the outgoing and the incoming person sign.</source>
        <translation>交接班记录 %1（%2）：请交班人和接班人签名。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Handover completed and signed by %1 and %2.</source>
        <translation>交接班已完成，由 %1 和 %2 签名。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <location line="+10"/>
        <source>Printed %n page(s) to %1.</source>
        <translation>
            <numerusform>已打印 %n 页到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>front-desk-handover-log-%1.pdf</source>
        <translation>前台交接日志-%1.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover-sheet-%1.pdf</source>
        <translation>交接班记录-%1.pdf</translation>
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
    <name>fd::gui::HandoverPrint</name>
    <message>
        <location filename="../../src/gui/pages/handover/handover_print_mapping.cpp" line="+28"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (signature no longer matches)</source>
        <translation>（签名已失效）</translation>
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
</TS>
