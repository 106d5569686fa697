<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>fd::gui::KeyForms</name>
    <message>
        <location filename="../../src/gui/pages/keys/key_forms.cpp" line="+164"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Lend key %1: %2</source>
        <translation>借出钥匙 %1：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Purpose *</source>
        <translation>借用事由 *</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <location line="+108"/>
        <source>empty: in %n hour(s); or HH:mm today, or yyyy-MM-dd HH:mm</source>
        <translation>
            <numerusform>不填：%n 小时后；或当天 HH:mm，或 yyyy-MM-dd HH:mm</numerusform>
        </translation>
    </message>
    <message>
        <location line="-107"/>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>how the owner authorised the loan (phone, written note…)</source>
        <translation>业主如何授权（电话、书面委托…）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return of loan %1: %2, lent to %3</source>
        <translation>归还借用 %1：%2，借用人 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>what is damaged, if anything</source>
        <translation>如有损坏，请注明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Take back key %1 (领回): %2</source>
        <translation>领回钥匙 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the last 4 characters of the ID document shown</source>
        <translation>所出示身份证件的末4位</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deposit owner keys</source>
        <translation>业主钥匙托管登记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deposit owner keys of %1</source>
        <translation>%1 业主钥匙托管登记</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 防盗门,室内门 (comma between kinds)</source>
        <translation>如：防盗门,室内门（种类之间用逗号分隔）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>empty: a new tag number</source>
        <translation>不填：自动编挂牌号</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Lend the emergency set</source>
        <translation>紧急备用钥匙借用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Emergency: what happened *</source>
        <translation>突发事件情况 *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty: the whole set</source>
        <translation>不填：整套借出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Emergency loan %1: %2, lent to %3</source>
        <translation>紧急借用 %1：%2，借用人 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report key %1 lost: %2</source>
        <translation>钥匙 %1 遗失上报：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. lock cylinder replaced on 3 March by maintenance</source>
        <translation>如：3月3日由维修部更换锁芯</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register a key</source>
        <translation>登记钥匙</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cabinet and hook, e.g. A-07</source>
        <translation>钥匙柜及挂钩，如 A-07</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: from the building, floor or equipment</source>
        <translation>不填：按楼栋、楼层或设备生成</translation>
    </message>
</context>
<context>
    <name>fd::gui::KeyLists</name>
    <message>
        <location filename="../../src/gui/pages/keys/key_lists.cpp" line="+59"/>
        <source>Key register</source>
        <translation>钥匙登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>Out now</source>
        <translation>借出未还</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+109"/>
        <source>Overdue</source>
        <translation>逾期未还</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>All custody states</source>
        <translation>全部托管状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deposited by the owner</source>
        <translation>业主托管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over by the developer</source>
        <translation>开发商移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacant unit</source>
        <translation>空置房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not held</source>
        <translation>未托管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custody:</source>
        <translation>托管状态：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Owner-key slots</source>
        <translation>业主钥匙托管</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Emergency loans waiting for the countersignature</source>
        <translation>待补签的紧急借用</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+75"/>
        <source>Emergency sets</source>
        <translation>紧急备用钥匙</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Loans</source>
        <translation>借用记录</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Out now (%1)</source>
        <translation>借出未还 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue (%1)</source>
        <translation>逾期未还 (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Emergency sets (%n incomplete)</source>
        <translation>
            <numerusform>紧急备用钥匙（%n 套不齐全）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Lent to %1 (loan %2), expected back %3</source>
        <translation>已借给 %1（借用编号 %2），预计 %3 归还</translation>
    </message>
</context>
<context>
    <name>fd::gui::KeysPage</name>
    <message>
        <location filename="../../src/gui/pages/keys/keys_page.cpp" line="+46"/>
        <source>Scan a key tag, or type a tag number, room or equipment…</source>
        <translation>扫描钥匙挂牌，或输入挂牌号、房号、设备名称…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Register key…</source>
        <translation>登记钥匙…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deposit owner keys…</source>
        <translation>托管登记…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+254"/>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Return…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+249"/>
        <source>Take back (领回)…</source>
        <translation>领回…</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Lend emergency set…</source>
        <translation>紧急借用…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countersign…</source>
        <translation>补签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report lost…</source>
        <translation>遗失上报…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Selected key</source>
        <translation>所选钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+118"/>
        <source>Scan a key or select one in a list.</source>
        <translation>扫描钥匙挂牌，或在列表中选择一把钥匙。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>room %1</source>
        <translation>房号 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hook %1</source>
        <translation>挂放位置 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 把</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>emergency set</source>
        <translation>紧急备用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loan request #%1 is waiting for approval.</source>
        <translation>借用申请 #%1 待批准。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Request #%1 is waiting for approval (%2): %3</source>
        <translation>申请 #%1 已提交，待批准（%2）：%3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No key has the tag number %1. Check the tag, or register the key first.</source>
        <translation>没有挂牌号为 %1 的钥匙。请核对挂牌，或先登记该钥匙。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n key(s) match %1: select one in the register.</source>
        <translation>
            <numerusform>有 %n 把钥匙符合「%1」：请在钥匙登记表中选择一把。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key %1: loan request #%2 is waiting for approval; it leaves once approved.</source>
        <translation>钥匙 %1：借用申请 #%2 待批准，批准后才能借出。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key %1 is %2: it cannot be lent.</source>
        <translation>钥匙 %1 当前为%2，不能借出。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key %1</source>
        <translation>钥匙 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is an owner&apos;s deposited key. Is the owner taking it back (领回), or is it lent?</source>
        <translation>%1 是业主托管的钥匙。是业主领回，还是借出？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a key in the cabinet first.</source>
        <translation>请先选择一把在柜的钥匙。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key %1 lent: loan %2.</source>
        <translation>钥匙 %1 已借出：借用编号 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a key that is out, or a loan in the keys-out list, first.</source>
        <translation>请先选择一把已借出的钥匙，或在「借出未还」中选择一项借用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan %1 returned: %2 back in the cabinet.</source>
        <translation>借用 %1 已归还：%2 已入柜。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an owner&apos;s deposited key in the cabinet first.</source>
        <translation>请先选择一把在柜的业主托管钥匙。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key %1 taken back (领回): %2 is no longer held.</source>
        <translation>钥匙 %1 已由业主领回：%2 不再托管。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keys deposited: tag %1, deposit %2. The deposit form (key-deposit) is signed by the owner in two copies.</source>
        <translation>托管登记完成：挂牌号 %1，托管编号 %2。托管单（key-deposit）一式两份，由业主签字。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Emergency loan %1 out; the supervisor countersigns by %2.</source>
        <translation>紧急借用 %1 已借出；客服主管须在 %2 前补签。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select an emergency loan waiting for its countersignature first.</source>
        <translation>请先选择一项待补签的紧急借用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Emergency loan %1 countersigned.</source>
        <translation>紧急借用 %1 已补签。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a key that is in the cabinet or out first.</source>
        <translation>请先选择一把在柜或已借出的钥匙。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key %1 reported lost.</source>
        <translation>钥匙 %1 已上报遗失。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key %1 registered.</source>
        <translation>钥匙 %1 已登记。</translation>
    </message>
</context>
<context>
    <name>fd::gui::Pages</name>
    <message>
        <location filename="../../src/gui/pages/keys/keys_pages.cpp" line="+14"/>
        <source>Keys</source>
        <translation>钥匙管理</translation>
    </message>
</context>
</TS>
