<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisDialog</name>
    <message>
        <source>Pipeline forecast and conversion</source>
        <translation>销售预测与转化分析</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>收入预测</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deals that got this far</source>
        <translation>到达此阶段的商机</translation>
    </message>
    <message>
        <source>Went on to the next stage</source>
        <translation>进入下一阶段的比例</translation>
    </message>
    <message>
        <source>Average days in stage</source>
        <translation>平均停留天数</translation>
    </message>
    <message>
        <source>Deals opened in</source>
        <translation>商机创建于</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>阶段转化</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>未定成交日期</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>All open deals</source>
        <translation>全部进行中商机</translation>
    </message>
    <message>
        <source>%1 deals opened · closed in the period: %2 won, %3 lost · win rate %4 · average sales cycle %5 days</source>
        <translation>新建商机 %1 个 · 期间内结束：赢单 %2 个，输单 %3 个 · 赢单率 %4 · 平均销售周期 %5 天</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>（未登录）</translation>
    </message>
    <message>
        <source>Every kind of record</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Last backup: today %1</source>
        <translation>上次备份：今天 %1</translation>
    </message>
    <message>
        <source>Last backup: yesterday %1</source>
        <translation>上次备份：昨天 %1</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>BackupReason</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>on request</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a sync</source>
        <translation>同步之前</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>crmdesk keeps a checked copy of your data every 30 minutes while something changes, and before every import, merge, restore and upgrade.</source>
        <translation>数据有变动时，crmdesk 每 30 分钟保存一份经过校验的数据副本；每次导入、合并、恢复和升级之前也会保存一份。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Second folder…</source>
        <translation>第二文件夹(&amp;S)…</translation>
    </message>
    <message>
        <source>Second folder: %1</source>
        <translation>第二文件夹：%1</translation>
    </message>
    <message>
        <source>No second folder (a USB stick, for example) is set.</source>
        <translation>尚未设置第二文件夹（例如 U 盘）。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Put the backup of %1 in place of your data? Your data as it is now is backed up first, so you can go back to it.</source>
        <translation>用 %1 的备份替换您现在的数据吗？现在的数据会先备份，您可以随时恢复回来。</translation>
    </message>
    <message>
        <source>The backup of %1 was restored. Your data as it was is kept as a backup “before a restore”.</source>
        <translation>已恢复 %1 的备份。恢复前的数据已保存为一份“恢复前”备份。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Second folder for backups</source>
        <translation>备份的第二文件夹</translation>
    </message>
</context>
<context>
    <name>BulkMenu</name>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation>指定负责人…</translation>
    </message>
    <message>
        <source>Set value tier</source>
        <translation>设置价值等级</translation>
    </message>
    <message>
        <source>Set category</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <source>Set lifecycle stage</source>
        <translation>设置生命周期</translation>
    </message>
    <message>
        <source>Move to recycle bin…</source>
        <translation>移入回收站…</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>Re-tier all customers…</source>
        <translation>重新评定全部客户…</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Select some customers first, or every listed one with Ctrl+A.</source>
        <translation>请先选择客户，或按 Ctrl+A 选中列表中的全部客户。</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n customer(s):</source>
        <translation>
            <numerusform>为 %n 个客户添加的标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %n customer(s):</source>
        <translation>
            <numerusform>要从 %n 个客户移除的标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Assign owner</source>
        <translation>指定负责人</translation>
    </message>
    <message numerus="yes">
        <source>Owner of %n customer(s):</source>
        <translation>
            <numerusform>%n 个客户的负责人：</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>移入回收站</translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the recycle bin? They can be restored from there.</source>
        <translation>
            <numerusform>将 %n 个客户移入回收站？之后可以从回收站恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Export the selected rows…</source>
        <translation>导出所选行…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 位客户导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-tier all customers</source>
        <translation>重新评定全部客户</translation>
    </message>
    <message>
        <source>Give every customer the value tier and lifecycle stage their orders suggest? Values chosen by hand are kept.</source>
        <translation>按订单数据为每个客户设置建议的价值等级和生命周期？手动设置的值会保留。</translation>
    </message>
    <message>
        <source>Updating customers…</source>
        <translation>正在更新客户…</translation>
    </message>
</context>
<context>
    <name>BusinessDialog</name>
    <message>
        <source>Business name and currency</source>
        <translation>店铺名称与货币</translation>
    </message>
    <message>
        <source>The name heads every report. Amounts are not converted when the currency changes: they are written with the new symbol.</source>
        <translation>名称会印在每份报表的页眉上。更换货币时金额不会换算，只是改用新的货币符号显示。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>推迟一小时</translation>
    </message>
    <message>
        <source>For three hours</source>
        <translation>推迟三小时</translation>
    </message>
    <message>
        <source>Until tomorrow morning</source>
        <translation>推到明早</translation>
    </message>
    <message>
        <source>Until next Monday</source>
        <translation>推到下周一</translation>
    </message>
    <message>
        <source>Care calendar</source>
        <translation>关怀日历</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>新建任务(&amp;N)…</translation>
    </message>
    <message>
        <source>Care settings…</source>
        <translation>关怀设置…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Until…</source>
        <translation>推迟到…</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>跳过(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>记录联系(&amp;L)…</translation>
    </message>
    <message>
        <source>Customer profile</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>%1+ overdue</source>
        <translation>%1+ 项已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项已逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks on %1</source>
        <translation>%1 的任务</translation>
    </message>
    <message>
        <source>Tasks in the week %1 – %2</source>
        <translation>%1 – %2 这一周的任务</translation>
    </message>
    <message numerus="yes">
        <source>Overdue and the next %n day(s)</source>
        <translation>
            <numerusform>已逾期及未来 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete care task</source>
        <translation>删除关怀任务</translation>
    </message>
    <message>
        <source>Delete this care task?</source>
        <translation>删除这项关怀任务？</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Edit the whole series…</source>
        <translation>编辑整个系列…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export this customer&apos;s tasks…</source>
        <translation>导出该客户的任务…</translation>
    </message>
    <message>
        <source>Export care tasks</source>
        <translation>导出关怀任务</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 项任务导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>no close date</source>
        <translation>未定成交日期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>本阶段 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>%1 结束</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>输单原因：%1</translation>
    </message>
    <message>
        <source>No activity for too long</source>
        <translation>太久没有跟进</translation>
    </message>
</context>
<context>
    <name>CareSettingsDialog</name>
    <message>
        <source>Care settings</source>
        <translation>关怀设置</translation>
    </message>
    <message>
        <source>no regular contact</source>
        <translation>不定期联系</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Contact %1 customers every</source>
        <translation>%1客户联系周期</translation>
    </message>
    <message>
        <source>no early reminder</source>
        <translation>不提前提醒</translation>
    </message>
    <message>
        <source>and on the day</source>
        <translation>当天也提醒</translation>
    </message>
    <message>
        <source>Birthday reminder, days ahead</source>
        <translation>生日提前提醒天数</translation>
    </message>
    <message>
        <source>Holiday greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Greet customers of</source>
        <translation>问候的客户等级</translation>
    </message>
    <message>
        <source>Greeting task, days before the holiday</source>
        <translation>节前几天生成问候任务</translation>
    </message>
    <message>
        <source>Plan tasks this many days ahead</source>
        <translation>提前安排任务的天数</translation>
    </message>
</context>
<context>
    <name>CareWords</name>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message numerus="yes">
        <source>Birthday in %n day(s) (%1)</source>
        <translation>
            <numerusform>%n 天后生日（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) since the first purchase (%1)</source>
        <translation>
            <numerusform>首次购买 %n 周年（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 greeting</source>
        <translation>%1问候</translation>
    </message>
    <message numerus="yes">
        <source>Get in touch (every %n day(s))</source>
        <translation>
            <numerusform>定期联系（每 %n 天）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Complaint categories</source>
        <translation>投诉分类</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名分类</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command or a customer&apos;s name, pinyin or phone…</source>
        <translation>输入命令，或客户的姓名、拼音、电话…</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter run · Esc close</source>
        <translation>↑↓ 选择 · Enter 执行 · Esc 关闭</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Satisfaction…</source>
        <translation>满意度…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Choose a complaint to see it here.</source>
        <translation>选择一条投诉，在这里查看详情。</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>处理结果：%1</translation>
    </message>
    <message>
        <source>Compensation: %1</source>
        <translation>补偿：%1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Reopen complaint</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <source>Why is it reopened?</source>
        <translation>为什么重新打开？</translation>
    </message>
    <message>
        <source>Delete complaint</source>
        <translation>删除投诉</translation>
    </message>
    <message>
        <source>Move the complaint of “%1” to the recycle bin?</source>
        <translation>把“%1”的这条投诉移到回收站？</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Edit complaint</source>
        <translation>编辑投诉</translation>
    </message>
    <message>
        <source>Log a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>ComplaintsPane</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <source>Search customer, phone or description</source>
        <translation>搜索客户、电话或投诉内容</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完结</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何负责人</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Log complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Deadlines…</source>
        <translation>处理时限…</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>分类…</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>Export complaints</source>
        <translation>导出投诉</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 条投诉导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) overdue</source>
        <translation>
            <numerusform>%n 条投诉已超时</numerusform>
        </translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Complaint log</source>
        <translation>投诉记录</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改方</translation>
    </message>
    <message>
        <source>kept: %1 · other: %2</source>
        <translation>保留：%1 · 另一个：%2</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>&amp;Use other value</source>
        <translation>采用另一个值(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <source>Put the other value into the record; it travels on at the next sync.</source>
        <translation>把另一个值写入记录；下次同步时会传到其他电脑。</translation>
    </message>
    <message>
        <source>Keep the kept value and take the conflict off the list.</source>
        <translation>保留现有的值，并把该冲突移出列表。</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) lost a merge: the same field was changed on two computers. The later change was kept.</source>
        <translation>
            <numerusform>有 %n 个值在合并中被覆盖：同一字段在两台电脑上都被修改过，已保留较晚的修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: every change merged cleanly.</source>
        <translation>没有冲突：所有修改都已顺利合并。</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>记录联系(&amp;L)…</translation>
    </message>
    <message>
        <source>Complaint…</source>
        <translation>投诉…</translation>
    </message>
    <message>
        <source>&amp;Print dossier…</source>
        <translation>打印档案(&amp;P)…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Orders: %1, total %2</source>
        <translation>订单：%1 笔，共 %2</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>最近联系：%1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3 — lifetime value %4</source>
        <translation>R %1 · F %2 · M %3 — 累计价值 %4</translation>
    </message>
    <message>
        <source>Recency, frequency and monetary value, each scored 1–5 (0: no orders).
Lifetime value: everything the customer has bought so far.</source>
        <translation>最近消费（R）、消费频次（F）、消费金额（M），各按 1–5 分评分（0 表示没有订单）。
累计价值：客户至今的全部消费。</translation>
    </message>
    <message>
        <source>Suggested: %1 (%2)</source>
        <translation>建议：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source>no birthday</source>
        <translation>无生日</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source> (month)</source>
        <translation> 月</translation>
    </message>
    <message>
        <source> (day)</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>名称(&amp;N) *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Possibly on file already:</source>
        <translation>可能已有此客户：</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name or phone to find the customer</source>
        <translation>输入姓名或电话查找客户</translation>
    </message>
</context>
<context>
    <name>CustomersPane</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Customer archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Search name, pinyin (zs), phone digits, e-mail, company, city, tag…</source>
        <translation>搜索姓名、拼音（zs）、电话号码、邮箱、公司、城市、标签…</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>保存为客户分组…</translation>
    </message>
    <message>
        <source>Edit the customer…</source>
        <translation>编辑客户…</translation>
    </message>
    <message>
        <source>Move to the recycle bin…</source>
        <translation>移入回收站…</translation>
    </message>
    <message>
        <source>Print the dossier…</source>
        <translation>打印客户档案…</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Bulk actions</source>
        <translation>批量操作(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export every listed customer (the current search and filter); Bulk actions exports the selected rows</source>
        <translation>导出列表中的全部客户（按当前搜索和筛选）；导出所选行请用“批量操作”</translation>
    </message>
    <message>
        <source>Dashboard figure: %1  ✕</source>
        <translation>概览条件：%1  ✕</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>没有电话号码</translation>
    </message>
    <message>
        <source>created in the period</source>
        <translation>在所选期间建档</translation>
    </message>
    <message>
        <source>ordered in the period</source>
        <translation>在所选期间有订单</translation>
    </message>
    <message>
        <source>with orders</source>
        <translation>有订单</translation>
    </message>
    <message>
        <source>Dossier of %1</source>
        <translation>%1 的客户档案</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</source>
        <translation>电子表格和 CSV 文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>保存为客户分组</translation>
    </message>
    <message>
        <source>Choose some filters or type a search first.</source>
        <translation>请先选择筛选条件或输入搜索内容。</translation>
    </message>
    <message>
        <source>Name of the segment:</source>
        <translation>分组名称：</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>Your database cannot be opened safely.</source>
        <translation>无法安全地打开您的数据库。</translation>
    </message>
    <message>
        <source>You can restore the newest good backup, taken %1 (%2 customers).</source>
        <translation>您可以恢复最近一份完好的备份，备份于 %1（%2 位客户）。</translation>
    </message>
    <message>
        <source>There is no backup of it to restore; you can start with an empty database.</source>
        <translation>没有可恢复的备份；您可以从一个空数据库开始。</translation>
    </message>
    <message>
        <source>crmdesk does not open a damaged file half-way. The file is moved aside first (nothing in it is deleted).</source>
        <translation>crmdesk 不会半途打开已损坏的文件。该文件会先被移到一旁（其中的内容不会被删除）。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The damaged file was moved aside to %1.</source>
        <translation>已损坏的文件已移到 %1。</translation>
    </message>
    <message>
        <source>The backup %1 cannot be restored either: %2</source>
        <translation>备份 %1 也无法恢复：%2</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Click to open the matching list.</source>
        <translation>单击打开对应的列表。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n with orders</source>
        <translation>
            <numerusform>其中 %n 位有订单</numerusform>
        </translation>
    </message>
    <message>
        <source>in the period</source>
        <translation>所选期间内</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 still active</source>
        <translation>%1 仍然活跃</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) lapsed</source>
        <translation>
            <numerusform>%n 位客户流失</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 deals opened were won</source>
        <translation>新建商机中赢单 %1</translation>
    </message>
    <message>
        <source>%1 won, %2 lost</source>
        <translation>赢单 %1，输单 %2</translation>
    </message>
    <message>
        <source>by win probability</source>
        <translation>按赢单概率加权</translation>
    </message>
    <message numerus="yes">
        <source>over %n customer(s) with orders</source>
        <translation>
            <numerusform>按 %n 位有订单的客户平均</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n 条评分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 resolved; %2 open past the deadline</source>
        <translation>已解决 %1；%2 件未结且已超时</translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>今天到期 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n group(s)</source>
        <translation>
            <numerusform>共 %n 组</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers by category</source>
        <translation>按客户分类</translation>
    </message>
    <message>
        <source>Customers by value tier</source>
        <translation>按价值等级</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>按生命周期阶段</translation>
    </message>
    <message>
        <source>New customers per month</source>
        <translation>每月新客户</translation>
    </message>
    <message>
        <source>Revenue per month</source>
        <translation>每月销售额</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>各阶段进行中的商机金额</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中的商机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>&amp;Check database…</source>
        <translation>检查数据库(&amp;C)…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>The database is healthy: no damage, every reference sound, the search index and the dashboard&apos;s totals in step.</source>
        <translation>数据库完好：没有损坏，所有关联都有效，搜索索引和仪表盘的汇总都与记录一致。</translation>
    </message>
    <message>
        <source>Damage remains that checking cannot repair: restore a backup (File → Backups…).</source>
        <translation>仍有检查无法修复的损坏：请恢复一份备份（文件 → 备份…）。</translation>
    </message>
    <message>
        <source>Everything found was repaired.</source>
        <translation>发现的问题均已修复。</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Edit deal</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Stage default (%1 %)</source>
        <translation>阶段默认（%1%）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>下一步期限</translation>
    </message>
    <message>
        <source>Not enough closed deals yet for a historical win rate.</source>
        <translation>已结束的商机还太少，暂无历史赢单率。</translation>
    </message>
    <message>
        <source>Historically %1 % of deals that reached “%2” were won (%3 closed deals)</source>
        <translation>历史上到达“%2”的商机有 %1% 赢单（共 %3 个已结束商机）</translation>
    </message>
</context>
<context>
    <name>DemoRemoval</name>
    <message>
        <source>&amp;Remove demo data…</source>
        <translation>移除演示数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove demo data</source>
        <translation>移除演示数据</translation>
    </message>
    <message>
        <source>Erase every demo customer, with their orders, deals, care tasks and complaints? Customers you added yourself stay. This cannot be undone.</source>
        <translation>要彻底删除所有演示客户及其订单、商机、关怀任务和投诉吗？您自己添加的客户会保留。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The demo data was removed.</source>
        <translation>演示数据已移除。</translation>
    </message>
    <message>
        <source>Removing demo data…</source>
        <translation>正在移除演示数据…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Searching the whole archive…</source>
        <translation>正在搜索全部客户档案…</translation>
    </message>
    <message>
        <source>&amp;Merge group…</source>
        <translation>合并这一组(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>撤销合并(&amp;U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s): %1</source>
        <translation>
            <numerusform>%n 个客户：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of possible duplicates.</source>
        <translation>
            <numerusform>找到 %n 组可能重复的客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExportTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部价值等级</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部生命周期</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>任意负责人</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <source>Any last contact</source>
        <translation>不限最近联系</translation>
    </message>
    <message>
        <source>No contact for </source>
        <translation>超过 </translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天未联系</translation>
    </message>
    <message>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>加标签</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>去标签</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation>记录满意度</translation>
    </message>
    <message>
        <source>Re-tiered</source>
        <translation>重新评级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>In the recycle bin since</source>
        <translation>移入回收站时间</translation>
    </message>
    <message>
        <source>Phone (international)</source>
        <translation>电话（国际格式）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Merged in</source>
        <translation>并入的客户</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Who · what</source>
        <translation>操作人 · 操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>（未登录）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Import customers from %1</source>
        <translation>从 %1 导入客户</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Create new customers</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Update existing customers (matched on phone, then e-mail)</source>
        <translation>更新现有客户（先按电话、再按邮箱匹配）</translation>
    </message>
    <message>
        <source>Create or update</source>
        <translation>新建或更新</translation>
    </message>
    <message>
        <source>All or nothing: import nothing if any row is bad</source>
        <translation>全部或不导入：有任何一行出错就不导入</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save bad rows…</source>
        <translation>保存出错的行…</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>撤销本次导入(&amp;U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose what each column holds (first row), then check or import.</source>
        <translation>请在第一行为每一列选择对应的字段，然后检查或导入。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>已导入：新建 %1 个，更新 %2 个，未变 %3 个。</translation>
    </message>
    <message>
        <source>Checked: %1 would be new, %2 would be updated.</source>
        <translation>检查结果：将新建 %1 个，将更新 %2 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are bad and were not imported.</source>
        <translation>
            <numerusform>有 %n 行出错，未导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported (all or nothing).</source>
        <translation>没有导入任何数据（全部或不导入）。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Save bad rows</source>
        <translation>保存出错的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>本次导入已撤销。</translation>
    </message>
</context>
<context>
    <name>KeyboardActions</name>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>记录联系(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>命令面板(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Next record</source>
        <translation>下一条记录(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious record</source>
        <translation>上一条记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>KpiExport</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Export the KPI workbook</source>
        <translation>导出 KPI 工作簿</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>kpi</source>
        <translation>KPI</translation>
    </message>
    <message numerus="yes">
        <source>The KPI workbook (%n figure(s)) was written to %1.</source>
        <translation>
            <numerusform>KPI 工作簿（%n 项指标）已写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>crmdesk is locked</source>
        <translation>crmdesk 已锁定</translation>
    </message>
    <message>
        <source>crmdesk was locked after a while without use. %1, enter your password to go on.</source>
        <translation>crmdesk 因一段时间无人使用已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log contact with %1</source>
        <translation>记录与 %1 的联系</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>简单写下发生了什么</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>商机输单</translation>
    </message>
    <message>
        <source>Why was “%1” lost?</source>
        <translation>“%1”为什么输单？</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LostReasonsDialog</name>
    <message>
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>新原因</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Complaint overdue: %1 — %2</source>
        <translation>投诉已超时：%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) just passed their deadline.</source>
        <translation>
            <numerusform>%n 条投诉刚刚超过处理时限。</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaint log</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>crmdesk — Customer relationships</source>
        <translation>crmdesk — 客户关系管理</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Care calendar</source>
        <translation>关怀日历</translation>
    </message>
    <message numerus="yes">
        <source>%n care task(s) are due. The care calendar lists them.</source>
        <translation>
            <numerusform>有 %n 项关怀任务到期，请在关怀日历中查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Care task due: %1</source>
        <translation>关怀任务到期：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n care task(s) just fell due.</source>
        <translation>
            <numerusform>刚有 %n 项关怀任务到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Load &amp;demo data…</source>
        <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Customers…</source>
        <translation>客户(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Opportunities…</source>
        <translation>商机(&amp;O)…</translation>
    </message>
    <message>
        <source>Care &amp;reminders…</source>
        <translation>关怀提醒(&amp;R)…</translation>
    </message>
    <message>
        <source>Com&amp;plaints…</source>
        <translation>投诉(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;KPI workbook…</source>
        <translation>KPI 工作簿(&amp;K)…</translation>
    </message>
    <message>
        <source>Log a &amp;complaint…</source>
        <translation>登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <source>Recycle &amp;bin…</source>
        <translation>回收站(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Business name and currency…</source>
        <translation>店铺名称与货币(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of crmdesk.</source>
        <translation>新的语言将在下次启动 crmdesk 时生效。</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk %1
A desktop CRM for small businesses.</source>
        <translation>crmdesk %1
面向中小商家的桌面客户关系管理软件。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>How many demo customers should be added?</source>
        <translation>要添加多少个演示客户？</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo customer(s).</source>
        <translation>
            <numerusform>已添加 %n 个演示客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Keep the record of</source>
        <translation>保留的记录</translation>
    </message>
    <message>
        <source>Contacts, history, orders, deals, care tasks, complaints and tags of every record move to the one kept; the others go to the recycle bin. The merge can be undone.</source>
        <translation>所有记录的联系人、往来记录、订单、商机、关怀任务、投诉和标签都会并入保留的记录；其余记录移入回收站。合并可以撤销。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>PipelinePane</name>
    <message>
        <source>Any close date</source>
        <translation>任意成交日期</translation>
    </message>
    <message>
        <source>Close date passed</source>
        <translation>已过预计成交日期</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>本月成交</translation>
    </message>
    <message>
        <source>Closing next month</source>
        <translation>下月成交</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>本季度成交</translation>
    </message>
    <message>
        <source>Closing in the next 90 days</source>
        <translation>未来 90 天成交</translation>
    </message>
    <message>
        <source>Sales pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>&amp;New deal…</source>
        <translation>新建商机(&amp;N)…</translation>
    </message>
    <message>
        <source>Forecast &amp;&amp; conversion…</source>
        <translation>预测与转化…</translation>
    </message>
    <message>
        <source>Stages…</source>
        <translation>阶段设置…</translation>
    </message>
    <message>
        <source>Lost reasons…</source>
        <translation>输单原因…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Search deals and customers</source>
        <translation>搜索商机和客户</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Every tier</source>
        <translation>全部价值等级</translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation>移到下一阶段</translation>
    </message>
    <message>
        <source>Move to the previous stage</source>
        <translation>移到上一阶段</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <source>Delete deal</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <source>Move “%1” to the recycle bin?</source>
        <translation>将“%1”移入回收站？</translation>
    </message>
    <message>
        <source>Export the pipeline</source>
        <translation>导出销售管道</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个商机导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>That deal no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <source>Reopen a closed deal before moving it.</source>
        <translation>已结束的商机需先重新打开才能移动。</translation>
    </message>
    <message>
        <source>This is the last open stage: close the deal with Won… or Lost….</source>
        <translation>这已是最后一个进行中阶段：请用“赢单…”或“输单…”结束商机。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Score (1–5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation>“%1”的修改历史</translation>
    </message>
</context>
<context>
    <name>RecycleBin</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Care task</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>This customer is in the recycle bin too; restore them first, or both together.</source>
        <translation>该客户也在回收站中；请先还原该客户，或一并还原。</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Search the bin by name…</source>
        <translation>按名称搜索回收站…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Care tasks</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Erase &amp;selected…</source>
        <translation>彻底删除所选(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Empty the bin…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Erase items automatically after:</source>
        <translation>保留期限（到期自动彻底删除）：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Nothing here. Deleted customers, deals, care tasks and complaints wait in the bin until you restore or erase them.</source>
        <translation>回收站是空的。删除的客户、商机、关怀任务和投诉会留在这里，直到您还原或彻底删除它们。</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n care task(s)</source>
        <translation>
            <numerusform>%n 项关怀任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found: %1 (of %n item(s) in the bin)</source>
        <translation>
            <numerusform>找到：%1（回收站共 %n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n item(s)…</source>
        <translation>
            <numerusform>正在还原 %n 项…</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>彻底删除</translation>
    </message>
    <message numerus="yes">
        <source>Erase the %n selected item(s) for good? A customer goes with everything that belongs to them: contacts, history, orders, deals, care tasks and complaints. This cannot be undone.</source>
        <translation>
            <numerusform>要彻底删除所选的 %n 项吗？客户的一切相关内容（联系人、往来记录、订单、商机、关怀任务和投诉）将一并删除。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty the recycle bin</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Erase all %n item(s) in the recycle bin for good, with everything that belongs to them? This cannot be undone.</source>
        <translation>
            <numerusform>要彻底删除回收站中的全部 %n 项及其一切相关内容吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>正在彻底删除…</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Customer list (the archive&apos;s filter)…</source>
        <translation>客户名单（按档案当前筛选）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Pipeline forecast…</source>
        <translation>销售管道预测(&amp;P)…</translation>
    </message>
    <message>
        <source>C&amp;omplaint summary…</source>
        <translation>投诉汇总(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;KPI report of this month…</source>
        <translation>本月关键指标报表(&amp;K)…</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Pipeline forecast</source>
        <translation>销售管道预测</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Complaint summary</source>
        <translation>投诉汇总</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>关键指标报表</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve complaint</source>
        <translation>解决投诉</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
</context>
<context>
    <name>SegmentList</name>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? The customers stay.</source>
        <translation>删除分组“%1”？其中的客户不会被删除。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Ctrl+K opens the command palette: every command and customer by name.</source>
        <translation>按 Ctrl+K 打开命令面板：按名称查找所有命令和客户。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to crmdesk</source>
        <translation>登录 crmdesk</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>请输入用户名和密码登录。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SignedIn</name>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
</context>
<context>
    <name>SlaDialog</name>
    <message>
        <source>Service deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Count working hours only</source>
        <translation>只计工作时间</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>上班 – 下班</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Remind me again at</source>
        <translation>再次提醒时间</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>Total amount</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>%1 · weighted %2</source>
        <translation>%1 · 加权 %2</translation>
    </message>
    <message>
        <source>Total amount · amount × probability</source>
        <translation>总金额 · 金额 × 赢单概率</translation>
    </message>
    <message>
        <source>Show the cards</source>
        <translation>展开卡片</translation>
    </message>
    <message>
        <source>Fold the column</source>
        <translation>折叠此列</translation>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Default probability</source>
        <translation>默认赢单概率</translation>
    </message>
    <message>
        <source>Rots after (days)</source>
        <translation>停滞期限（天）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>A stage can be removed once no deal is in it. Rotting: a card turns red when its customer has had no activity for longer (0: never).</source>
        <translation>阶段中没有商机时才能删除。停滞：客户超过这个天数没有任何跟进时，卡片变红（0 表示从不）。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Complaint statistics</source>
        <translation>投诉统计</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>收到投诉</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <source>Average time to resolve</source>
        <translation>平均解决用时</translation>
    </message>
    <message>
        <source>90% resolved within</source>
        <translation>90% 在此时间内解决</translation>
    </message>
    <message>
        <source>Resolved on time</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Open now (overdue)</source>
        <translation>当前未完结（其中超时）</translation>
    </message>
    <message>
        <source>Repeat complainers</source>
        <translation>重复投诉的客户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ync…</source>
        <translation>同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Bring this computer&apos;s changes together with another&apos;s. A sync file carries them on a USB stick; the team server takes them over the network.</source>
        <translation>把本机的修改与另一台电脑的修改合并。同步文件可通过 U 盘传递；团队服务器则通过网络同步。</translation>
    </message>
    <message>
        <source>&amp;Write a sync file…</source>
        <translation>写出同步文件(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Read a sync file…</source>
        <translation>读入同步文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Sync with the &amp;server…</source>
        <translation>与服务器同步(&amp;S)…</translation>
    </message>
    <message>
        <source>Write a sync file</source>
        <translation>写出同步文件</translation>
    </message>
    <message>
        <source>crmdesk sync files (*.sync)</source>
        <translation>crmdesk 同步文件 (*.sync)</translation>
    </message>
    <message>
        <source>Read a sync file</source>
        <translation>读入同步文件</translation>
    </message>
    <message>
        <source>crmdesk sync files (*.sync);;All files (*)</source>
        <translation>crmdesk 同步文件 (*.sync);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation>与服务器同步</translation>
    </message>
    <message>
        <source>Address of the team server (postgresql://…) or a crmdesk file:</source>
        <translation>团队服务器地址（postgresql://…）或 crmdesk 数据文件：</translation>
    </message>
    <message>
        <source>Writing the sync file…</source>
        <translation>正在写出同步文件…</translation>
    </message>
    <message>
        <source>Reading the sync file…</source>
        <translation>正在读入同步文件…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to the sync file. Read it on the other computer, then bring that computer&apos;s sync file back here.</source>
        <translation>
            <numerusform>已向同步文件写入 %n 条记录。请在另一台电脑上读入它，再把那台电脑的同步文件带回本机读入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received.</source>
        <translation>
            <numerusform>收到 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) sent.</source>
        <translation>
            <numerusform>发出 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other computer&apos;s clock is %n minute(s) off; check the date and time settings.</source>
        <translation>
            <numerusform>另一台电脑的时钟相差约 %n 分钟，请检查两台电脑的日期和时间设置。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>有 %n 个冲突需要查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Review the conflicts now?</source>
        <translation>现在查看冲突吗？</translation>
    </message>
    <message>
        <source>The sync was stopped; what arrived so far is kept, and the next sync goes on from there.</source>
        <translation>同步已停止；已收到的内容会保留，下次同步将从这里继续。</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Care task</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag of a customer</source>
        <translation>客户标签</translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <source>%n record(s)</source>
        <translation>共 %n 条</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>每 N 天</translation>
    </message>
    <message>
        <source>Every N weeks</source>
        <translation>每 N 周</translation>
    </message>
    <message>
        <source>Every N months</source>
        <translation>每 N 个月</translation>
    </message>
    <message>
        <source>Every N years</source>
        <translation>每 N 年</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Edit care task</source>
        <translation>编辑关怀任务</translation>
    </message>
    <message>
        <source>New care task</source>
        <translation>新建关怀任务</translation>
    </message>
    <message>
        <source>At a time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <source>Never ends</source>
        <translation>永不结束</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>Ends after N times</source>
        <translation>重复 N 次后结束</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>On</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Deal → %1</source>
        <translation>商机 → %1</translation>
    </message>
    <message>
        <source>Complaint (%1)</source>
        <translation>投诉（%1）</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <source>Updating the database for this version of crmdesk…
A copy of the old file is kept in the backups folder.</source>
        <translation>正在为新版 crmdesk 更新数据库…
旧文件的副本保存在 backups 文件夹中。</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name shown:</source>
        <translation>显示名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Set &amp;role</source>
        <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask for a password when crmdesk starts</source>
        <translation>启动 crmdesk 时要求输入密码</translation>
    </message>
    <message>
        <source>&amp;Lock after this many idle minutes (0: never):</source>
        <translation>闲置多少分钟后锁定（0 为从不）(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active, password set</source>
        <translation>启用，已设密码</translation>
    </message>
    <message>
        <source>Active, no password</source>
        <translation>启用，未设密码</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>A few questions to set up your customer book. You can change the answers later in the settings.</source>
        <translation>回答几个问题，建好您的客户档案。这些设置以后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>店铺/公司名称(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>货币(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. Lao Wang&apos;s Fruit Shop</source>
        <translation>例如：老王水果店</translation>
    </message>
    <message>
        <source>How would you like to begin?</source>
        <translation>您想怎样开始？</translation>
    </message>
    <message>
        <source>With an empty book</source>
        <translation>从空白客户档案开始</translation>
    </message>
    <message>
        <source>By importing customers from a spreadsheet (.xlsx or .csv)</source>
        <translation>从表格文件（.xlsx 或 .csv）导入客户</translation>
    </message>
    <message numerus="yes">
        <source>By exploring %n demo customer(s) (File → Remove demo data takes them out again)</source>
        <translation>
            <numerusform>先用 %n 位演示客户体验一下（之后可用“文件 → 移除演示数据”删掉）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <source>Deal won</source>
        <translation>商机赢单</translation>
    </message>
    <message>
        <source>“%1” with %2 is won. Record the order:</source>
        <translation>与 %2 的“%1”已赢单。请登记订单：</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>What was sold</source>
        <translation>销售内容</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <source>The file is damaged: {problem}</source>
        <translation>文件已损坏：{problem}</translation>
    </message>
    <message>
        <source>{rows} row(s) of {table} refer to a {parent} that is gone (column {column}); they were left as they are.</source>
        <translation>{table} 中有 {rows} 行指向已不存在的 {parent}（列 {column}）；这些行保持原样。</translation>
    </message>
    <message>
        <source>{rows} row(s) of {table} referred to a {parent} that is gone (column {column}); the reference was cleared.</source>
        <translation>{table} 中有 {rows} 行指向已不存在的 {parent}（列 {column}）；该引用已清除。</translation>
    </message>
    <message>
        <source>{rows} link row(s) of {table} pointed to a {parent} that is gone; they were removed.</source>
        <translation>{table} 中有 {rows} 条关联行指向已不存在的 {parent}；这些行已删除。</translation>
    </message>
    <message>
        <source>{rows} row(s) of {table} refer to a {parent} that is gone (column {column}).</source>
        <translation>{table} 中有 {rows} 行指向已不存在的 {parent}（列 {column}）。</translation>
    </message>
    <message>
        <source>The search index {index} did not match its table; it was rebuilt.</source>
        <translation>搜索索引 {index} 与其数据表不一致；已重建。</translation>
    </message>
    <message>
        <source>The search index {index} does not match its table.</source>
        <translation>搜索索引 {index} 与其数据表不一致。</translation>
    </message>
    <message>
        <source>The dashboard&apos;s running totals disagreed with the records; they were counted afresh.</source>
        <translation>仪表盘的累计汇总与记录不一致；已重新统计。</translation>
    </message>
    <message>
        <source>The dashboard&apos;s running totals disagree with the records.</source>
        <translation>仪表盘的累计汇总与记录不一致。</translation>
    </message>
</context>
<context>
    <name>currency</name>
    <message>
        <source>Chinese yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>港元</translation>
    </message>
    <message>
        <source>New Taiwan dollar</source>
        <translation>新台币</translation>
    </message>
    <message>
        <source>Macanese pataca</source>
        <translation>澳门元</translation>
    </message>
    <message>
        <source>US dollar</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>欧元</translation>
    </message>
    <message>
        <source>Pound sterling</source>
        <translation>英镑</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>日元</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>新加坡元</translation>
    </message>
</context>
<context>
    <name>dedupe</name>
    <message>
        <source>same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>nearly the same name</source>
        <translation>名称几乎相同</translation>
    </message>
    <message>
        <source>same city</source>
        <translation>城市相同</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The complaint cannot move to that status from the one it has now (it may have just been changed elsewhere).</source>
        <translation>投诉不能从当前状态转到该状态（可能刚在别处被修改过）。</translation>
    </message>
    <message>
        <source>Choose the customer who complained.</source>
        <translation>请选择投诉的客户。</translation>
    </message>
    <message>
        <source>Describe what the customer complained about.</source>
        <translation>请描述客户投诉的内容。</translation>
    </message>
    <message>
        <source>A text can have at most {max} characters.</source>
        <translation>文字最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed choices for this field.</source>
        <translation>“{value}”不是此项允许的选项。</translation>
    </message>
    <message>
        <source>A complaint cannot be received in the future.</source>
        <translation>投诉的受理时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Say what was done to resolve the complaint.</source>
        <translation>请写明为解决投诉做了什么。</translation>
    </message>
    <message>
        <source>The compensation must be between 0 and {max}.</source>
        <translation>补偿金额必须在 0 到 {max} 之间。</translation>
    </message>
    <message>
        <source>A complaint cannot be resolved before it was received.</source>
        <translation>投诉的解决时间不能早于受理时间。</translation>
    </message>
    <message>
        <source>A complaint cannot be resolved in the future.</source>
        <translation>投诉的解决时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Satisfaction is scored from 1 to 5.</source>
        <translation>满意度的分值为 1 到 5。</translation>
    </message>
    <message>
        <source>Working hours need an end after the start and at least one working day.</source>
        <translation>工作时间的结束须晚于开始，且至少有一个工作日。</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户必须有名称。</translation>
    </message>
    <message>
        <source>A name can have at most {max} characters.</source>
        <translation>名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>“{value}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>A tag can have at most {max} characters.</source>
        <translation>标签最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Every contact needs a name.</source>
        <translation>每个联系人都必须有姓名。</translation>
    </message>
    <message>
        <source>The lunar date {year}-{leap}{month}-{day} does not exist.</source>
        <translation>农历日期 {year}年{leap}{month}月{day}日不存在。</translation>
    </message>
    <message>
        <source>The birthday is not a real date.</source>
        <translation>生日不是一个存在的日期。</translation>
    </message>
    <message>
        <source>A reminder comes 0 to {limit} days ahead.</source>
        <translation>提前提醒天数应为 0 到 {limit} 天。</translation>
    </message>
    <message>
        <source>A contact cadence is 1 to {limit} days.</source>
        <translation>联系周期应为 1 到 {limit} 天。</translation>
    </message>
    <message>
        <source>“{raw}” is not a phone number.</source>
        <translation>“{raw}”不是电话号码。</translation>
    </message>
    <message>
        <source>“{raw}” has the wrong number of digits for a phone number.</source>
        <translation>“{raw}”的位数不对，不是有效的电话号码。</translation>
    </message>
    <message>
        <source>A service deadline is between 1 hour and a year.</source>
        <translation>处理时限须在 1 小时到一年之间。</translation>
    </message>
    <message>
        <source>Complaint {id} does not exist or was deleted.</source>
        <translation>投诉 {id} 不存在或已删除。</translation>
    </message>
    <message>
        <source>Customer {id} does not exist or was deleted.</source>
        <translation>客户 {id} 不存在或已被删除。</translation>
    </message>
    <message>
        <source>That complaint category no longer exists.</source>
        <translation>该投诉分类已不存在。</translation>
    </message>
    <message>
        <source>That user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>A complaint is closed only after its resolution is written down.</source>
        <translation>写下处理结果后才能关闭投诉。</translation>
    </message>
    <message>
        <source>Say why the complaint is reopened.</source>
        <translation>请说明重新打开投诉的原因。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>Satisfaction is asked after the complaint is resolved.</source>
        <translation>投诉解决后才能记录满意度。</translation>
    </message>
    <message>
        <source>A category name has 1 to {max} characters.</source>
        <translation>分类名称为 1 到 {max} 个字符。</translation>
    </message>
    <message>
        <source>There is already a category called “{value}”.</source>
        <translation>已经有名为“{value}”的分类。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of contact.</source>
        <translation>“{value}”不是一种联系方式。</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请简单写下发生了什么。</translation>
    </message>
    <message>
        <source>The number of demo customers must be between 1 and {max}.</source>
        <translation>演示客户数量必须在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>The job was cancelled; nothing was changed.</source>
        <translation>任务已取消，没有做任何更改。</translation>
    </message>
    <message>
        <source>The database {target} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {target}：{reason}</translation>
    </message>
    <message>
        <source>The database address {target} cannot be used: {reason}</source>
        <translation>无法使用数据库地址 {target}：{reason}</translation>
    </message>
    <message>
        <source>Backups are taken of a database file; this database is on a server, which keeps its own.</source>
        <translation>备份针对数据库文件；此数据库在服务器上，由服务器自行备份。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not there (is the USB stick plugged in?); the backup was kept in the data folder only.</source>
        <translation>第二备份文件夹 {folder} 不存在（U 盘插好了吗？）；备份只保存在数据文件夹中。</translation>
    </message>
    <message>
        <source>The backup could not be copied to the second folder {folder}: {reason}</source>
        <translation>无法将备份复制到第二文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it.</source>
        <translation>{path} 是数据库本身，而不是它的备份。</translation>
    </message>
    <message>
        <source>The disk is full, so the database {target} cannot be opened (crmdesk writes to it when it opens it, and backs it up before an upgrade). Free some space and try again.</source>
        <translation>磁盘已满，无法打开数据库 {target}（crmdesk 打开时需要写入，升级前还要先备份）。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是一个文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The database {path} is read-only; crmdesk needs to be able to write to it.</source>
        <translation>数据库 {path} 是只读的；crmdesk 需要能写入它。</translation>
    </message>
    <message>
        <source>{path} is damaged: it holds no database (only empty bytes).</source>
        <translation>{path} 已损坏：其中没有数据库（只有空字节）。</translation>
    </message>
    <message>
        <source>{path} is not a crmdesk database (it is not an SQLite file).</source>
        <translation>{path} 不是 crmdesk 数据库（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}).</source>
        <translation>{path} 已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is damaged: the file is shorter than the database it holds.</source>
        <translation>{path} 已损坏：文件比其中的数据库短。</translation>
    </message>
    <message>
        <source>{path} cannot be opened safely: the -wal file beside it does not belong to it.</source>
        <translation>无法安全地打开 {path}：它旁边的 -wal 文件不属于它。</translation>
    </message>
    <message>
        <source>{path} is not a crmdesk backup: it is empty.</source>
        <translation>{path} 不是 crmdesk 备份：文件是空的。</translation>
    </message>
    <message>
        <source>{path} is not a crmdesk backup (it is not an SQLite file).</source>
        <translation>{path} 不是 crmdesk 备份（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is not a crmdesk backup: it holds no crmdesk data.</source>
        <translation>{path} 不是 crmdesk 备份：其中没有 crmdesk 数据。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not of crmdesk.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不属于 crmdesk。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a database ({reason}).</source>
        <translation>无法将 {path} 作为数据库读取（{reason}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer crmdesk (schema version {version}; this crmdesk knows up to {head}). Please update crmdesk to open it.</source>
        <translation>{path} 由更新版本的 crmdesk 写入（数据结构版本 {version}；当前 crmdesk 最高支持 {head}）。请先升级 crmdesk 再打开。</translation>
    </message>
    <message>
        <source>Upgrading the database from version {version} failed: {reason}</source>
        <translation>数据库从版本 {version} 升级失败：{reason}</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>分组必须有名称。</translation>
    </message>
    <message>
        <source>A selection of single customers cannot be saved as a segment.</source>
        <translation>手动选中的客户不能保存为分组。</translation>
    </message>
    <message>
        <source>That segment no longer exists.</source>
        <translation>该分组已不存在。</translation>
    </message>
    <message>
        <source>That user does not exist.</source>
        <translation>该用户不存在。</translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation>请输入要添加的标签。</translation>
    </message>
    <message>
        <source>“{value}” is not a date crmdesk understands.</source>
        <translation>无法识别日期“{value}”。</translation>
    </message>
    <message>
        <source>No existing customer has this phone number or e-mail.</source>
        <translation>没有找到使用此电话或邮箱的现有客户。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{name} is neither an Excel file (.xlsx) nor a CSV file (.csv).</source>
        <translation>{name} 既不是 Excel 文件（.xlsx），也不是 CSV 文件（.csv）。</translation>
    </message>
    <message>
        <source>{name} is damaged or not really an Excel file.</source>
        <translation>{name} 已损坏，或并不是真正的 Excel 文件。</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {mb} MB; it is refused as unsafe.</source>
        <translation>{name} 解压后超过 {mb} MB，出于安全考虑拒绝导入。</translation>
    </message>
    <message>
        <source>The first sheet of {name} is empty.</source>
        <translation>{name} 的第一个工作表是空的。</translation>
    </message>
    <message>
        <source>The header row of {name} has merged cells; unmerge them so that every column has its own header.</source>
        <translation>{name} 的表头行有合并单元格；请取消合并，使每一列都有自己的表头。</translation>
    </message>
    <message>
        <source>The text encoding of this file is not UTF-8, UTF-16 or GBK/GB18030.</source>
        <translation>此文件的文字编码不是 UTF-8、UTF-16 或 GBK/GB18030。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>The cell has more than {max} characters.</source>
        <translation>单元格超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>The cell contains control characters.</source>
        <translation>单元格中含有控制字符。</translation>
    </message>
    <message>
        <source>No column holds the customer&apos;s name; choose which one does.</source>
        <translation>没有哪一列是客户名称，请指定名称所在的列。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it into smaller files.</source>
        <translation>文件超过 {max} 行，请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>That import does not exist or was already undone.</source>
        <translation>该次导入不存在或已被撤销。</translation>
    </message>
    <message>
        <source>Choose at least two customers to merge.</source>
        <translation>请至少选择两个要合并的客户。</translation>
    </message>
    <message>
        <source>That merge does not exist or was already undone.</source>
        <translation>该次合并不存在或已被撤销。</translation>
    </message>
    <message>
        <source>Exports are written as .xlsx or .csv, not “{value}”.</source>
        <translation>导出文件只能是 .xlsx 或 .csv，不能是“{value}”。</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most {max} rows; export these {count} rows as .csv instead.</source>
        <translation>一个 Excel 工作表最多容纳 {max} 行；这 {count} 行请导出为 .csv。</translation>
    </message>
    <message>
        <source>There is not enough free space to write {name}; no file was written. Free some space and try again.</source>
        <translation>磁盘空间不足，无法写入 {name}，未生成任何文件。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>Could not write {name}: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>Choose the customer of the deal.</source>
        <translation>请选择这个商机的客户。</translation>
    </message>
    <message>
        <source>A deal needs a title.</source>
        <translation>商机需要一个标题。</translation>
    </message>
    <message>
        <source>A deal&apos;s title is at most {limit} characters.</source>
        <translation>商机标题最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>An amount above {cur}{limit:,} is not plausible.</source>
        <translation>超过 {cur}{limit:,} 的金额不合理。</translation>
    </message>
    <message>
        <source>A probability is between 0 and 100 %.</source>
        <translation>赢单概率应在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>The expected close date {date} is more than a year ago.</source>
        <translation>预计成交日期 {date} 早于一年以前。</translation>
    </message>
    <message>
        <source>The expected close date {date} is too far ahead.</source>
        <translation>预计成交日期 {date} 太远了。</translation>
    </message>
    <message>
        <source>Unknown priority.</source>
        <translation>未知的优先级。</translation>
    </message>
    <message>
        <source>The next step is at most {limit} characters.</source>
        <translation>下一步最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Every stage needs a name.</source>
        <translation>每个阶段都需要名称。</translation>
    </message>
    <message>
        <source>There are two stages called “{name}”.</source>
        <translation>有两个阶段都叫“{name}”。</translation>
    </message>
    <message>
        <source>A rotting limit is between 1 and {limit} days.</source>
        <translation>停滞期限应在 1 到 {limit} 天之间。</translation>
    </message>
    <message>
        <source>The pipeline needs at least one open stage, one won stage and one lost stage.</source>
        <translation>销售管道至少需要一个进行中阶段、一个赢单阶段和一个输单阶段。</translation>
    </message>
    <message>
        <source>A stage was removed by someone else; reopen the dialog.</source>
        <translation>有阶段已被他人删除，请重新打开此对话框。</translation>
    </message>
    <message>
        <source>The won and lost stages cannot change their kind.</source>
        <translation>赢单和输单阶段不能改变类型。</translation>
    </message>
    <message>
        <source>The stage “{name}” still holds deals; move them to another stage first.</source>
        <translation>阶段“{name}”中还有商机，请先把它们移到其他阶段。</translation>
    </message>
    <message>
        <source>“{name}” is in the list twice.</source>
        <translation>“{name}”在列表中出现了两次。</translation>
    </message>
    <message>
        <source>Keep at least one lost reason.</source>
        <translation>至少保留一个输单原因。</translation>
    </message>
    <message>
        <source>That deal does not exist or was deleted.</source>
        <translation>该商机不存在或已被删除。</translation>
    </message>
    <message>
        <source>Someone changed “{title}” in the meantime; the board shows the current state now.</source>
        <translation>“{title}”刚刚被他人修改，看板已显示最新状态。</translation>
    </message>
    <message>
        <source>The customer of “{title}” was deleted; restore the customer to work on the deal.</source>
        <translation>“{title}”的客户已被删除；恢复该客户后才能处理这个商机。</translation>
    </message>
    <message>
        <source>A new deal starts in an open stage.</source>
        <translation>新商机必须从进行中的阶段开始。</translation>
    </message>
    <message>
        <source>“{title}” is closed; reopen it before moving it to an open stage.</source>
        <translation>“{title}”已结束；请先重新打开，再移到进行中的阶段。</translation>
    </message>
    <message>
        <source>That stage no longer exists.</source>
        <translation>该阶段已不存在。</translation>
    </message>
    <message>
        <source>Closing a deal needs an order amount or a lost reason.</source>
        <translation>结束商机需要填写订单金额或输单原因。</translation>
    </message>
    <message>
        <source>Enter the amount of the order.</source>
        <translation>请输入订单金额。</translation>
    </message>
    <message>
        <source>The order date cannot be in the future.</source>
        <translation>下单日期不能晚于今天。</translation>
    </message>
    <message>
        <source>“{title}” is already closed.</source>
        <translation>“{title}”已经结束。</translation>
    </message>
    <message>
        <source>The note is at most {limit} characters.</source>
        <translation>备注最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Choose why the deal was lost.</source>
        <translation>请选择输单原因。</translation>
    </message>
    <message>
        <source>The stage “{title}” came from has been removed; the move cannot be undone.</source>
        <translation>“{title}”原来所在的阶段已被删除，这次移动无法撤销。</translation>
    </message>
    <message>
        <source>Tasks are planned 7 to 366 days ahead.</source>
        <translation>任务可提前 7 到 366 天安排。</translation>
    </message>
    <message>
        <source>Repeat every 1 to 999 periods.</source>
        <translation>重复间隔应为 1 到 999。</translation>
    </message>
    <message>
        <source>Unknown weekday.</source>
        <translation>未知的星期。</translation>
    </message>
    <message>
        <source>The repetition ends before it starts.</source>
        <translation>重复的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Repeat 1 to 10,000 times.</source>
        <translation>重复次数应为 1 到 10,000 次。</translation>
    </message>
    <message>
        <source>Say what is to be done.</source>
        <translation>请写明要做什么。</translation>
    </message>
    <message>
        <source>A task&apos;s title is at most {limit} characters.</source>
        <translation>任务标题最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>That task does not exist or was deleted.</source>
        <translation>该任务不存在或已被删除。</translation>
    </message>
    <message>
        <source>Snooze to a moment in the future.</source>
        <translation>请推迟到将来的某个时间。</translation>
    </message>
    <message>
        <source>No customer is called “{value}” or has that phone number.</source>
        <translation>没有名为“{value}”或使用该电话号码的客户。</translation>
    </message>
    <message>
        <source>More than one customer matches “{value}”; give the customer&apos;s number instead.</source>
        <translation>不止一位客户与“{value}”相符；请改用客户编号。</translation>
    </message>
    <message>
        <source>Reports print on A4 or Letter paper, not “{value}”.</source>
        <translation>报表只能打印在 A4 或 Letter 纸上，不能用“{value}”。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>There is no saved segment called “{name}”.</source>
        <translation>没有名为“{name}”的客户分组。</translation>
    </message>
    <message>
        <source>The KPI workbook is written as .xlsx, not “{value}”.</source>
        <translation>KPI 工作簿只能保存为 .xlsx，不能保存为“{value}”。</translation>
    </message>
    <message>
        <source>A period has to end after it begins.</source>
        <translation>期间的结束日期必须晚于开始日期。</translation>
    </message>
    <message>
        <source>A month is written like 2026-12, not “{value}”.</source>
        <translation>月份应写成 2026-12 这样的格式，而不是“{value}”。</translation>
    </message>
    <message>
        <source>“{value}” is not a currency crmdesk knows.</source>
        <translation>crmdesk 不认识货币“{value}”。</translation>
    </message>
    <message>
        <source>The business name can be at most {max} characters long.</source>
        <translation>店铺/公司名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved and nothing was changed. Free some space and try again.</source>
        <translation>磁盘已满，此次更改没有保存，数据未作任何改动。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The disk is full, so no backup could be written to {path} and nothing was changed. Free some space and try again.</source>
        <translation>磁盘已满，无法把备份写入 {path}，什么都没有改动。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The backup copy failed its check ({problem}); it was not kept.</source>
        <translation>备份副本未通过校验（{problem}）；未予保留。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>无法将备份写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Keep deleted items between 1 and {max} days.</source>
        <translation>已删除项目的保留期限须在 1 到 {max} 天之间。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of item in the recycle bin.</source>
        <translation>“{value}”不是回收站中的项目类型。</translation>
    </message>
    <message>
        <source>“{name}” belongs to {customer}, who is in the recycle bin too: restore {customer} first, or both together.</source>
        <translation>“{name}”属于{customer}，而{customer}也在回收站中：请先还原{customer}，或一并还原。</translation>
    </message>
    <message>
        <source>Your account may look at records but not change them.</source>
        <translation>您的账号只能查看记录，不能修改。</translation>
    </message>
    <message>
        <source>Your account sees only your own customers and unassigned ones.</source>
        <translation>您的账号只能看到自己负责的客户和尚未分配的客户。</translation>
    </message>
    <message>
        <source>Only the owner or a manager may work on the whole archive at once.</source>
        <translation>只有店主或经理可以一次处理整个客户档案。</translation>
    </message>
    <message>
        <source>Only the owner may change the settings.</source>
        <translation>只有店主可以修改设置。</translation>
    </message>
    <message>
        <source>Only the owner may manage users.</source>
        <translation>只有店主可以管理用户。</translation>
    </message>
    <message>
        <source>Only the owner may open the recycle bin.</source>
        <translation>只有店主可以打开回收站。</translation>
    </message>
    <message>
        <source>Only the owner may export data.</source>
        <translation>只有店主可以导出数据。</translation>
    </message>
    <message>
        <source>Only the owner may back up, restore or check the database.</source>
        <translation>只有店主可以备份、恢复或检查数据库。</translation>
    </message>
    <message>
        <source>Customer {id} belongs to another account manager.</source>
        <translation>客户 {id} 由另一位客户经理负责。</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Sign-in is on: say who you are with --user NAME.</source>
        <translation>已开启登录：请用 --user 用户名 说明您是谁。</translation>
    </message>
    <message>
        <source>“{value}” is not a role.</source>
        <translation>“{value}”不是一个角色。</translation>
    </message>
    <message>
        <source>A user name is one word without spaces.</source>
        <translation>用户名须为一个不含空格的词。</translation>
    </message>
    <message>
        <source>There is already a user called “{name}”.</source>
        <translation>已有名为“{name}”的用户。</translation>
    </message>
    <message>
        <source>Keep at least one active owner.</source>
        <translation>请至少保留一位启用的店主。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>您不能停用自己。</translation>
    </message>
    <message>
        <source>Give the owner a password before turning sign-in on.</source>
        <translation>开启登录之前，请先为店主设置密码。</translation>
    </message>
    <message>
        <source>The lock waits between 0 and 1,440 minutes.</source>
        <translation>锁定等待时间应在 0 到 1440 分钟之间。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>That conflict no longer exists.</source>
        <translation>该冲突已不存在。</translation>
    </message>
    <message>
        <source>The record of that conflict no longer exists.</source>
        <translation>该冲突所属的记录已不存在。</translation>
    </message>
    <message>
        <source>The other side is this same database (its own sync file or a copy of it); there is nothing to sync.</source>
        <translation>另一方就是这个数据库本身（它自己的同步文件或副本），无需同步。</translation>
    </message>
    <message>
        <source>{path} is not a crmdesk sync file.</source>
        <translation>{path} 不是 crmdesk 同步文件。</translation>
    </message>
    <message>
        <source>The sync file {path} does not exist.</source>
        <translation>同步文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} was written by a newer crmdesk; update crmdesk to read it.</source>
        <translation>{path} 由更新版本的 crmdesk 写出，请先升级 crmdesk 再读入。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>消费总额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建档时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Satisfaction comment</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>赢单概率 %</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>下一步期限</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Customers by category</source>
        <translation>客户分类分布</translation>
    </message>
    <message>
        <source>Customers by value tier</source>
        <translation>价值等级分布</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>生命周期分布</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>各阶段进行中商机</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Customer mix</source>
        <translation>客户构成</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>推迟至</translation>
    </message>
    <message>
        <source>Care tasks</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Days without contact over</source>
        <translation>未联系天数超过</translation>
    </message>
    <message>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>所选行数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>受理时间自</translation>
    </message>
    <message>
        <source>Received before</source>
        <translation>受理时间早于</translation>
    </message>
    <message>
        <source>Expected close from</source>
        <translation>预计成交日期自</translation>
    </message>
    <message>
        <source>Expected close before</source>
        <translation>预计成交日期早于</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人负责</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>到期日自</translation>
    </message>
    <message>
        <source>Due before</source>
        <translation>到期日早于</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>none (everything)</source>
        <translation>无（全部）</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>(others)</source>
        <translation>（其他）</translation>
    </message>
</context>
<context>
    <name>holidays</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
</context>
<context>
    <name>kpi</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers on file now (deleted ones not counted), by category, value tier and lifecycle stage.</source>
        <translation>目前在档的客户（不含已删除的），可按客户分类、价值等级和生命周期阶段查看。</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Customers whose record was created in the period.</source>
        <translation>在所选期间内建档的客户。</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>The amounts of the orders dated in the period.</source>
        <translation>订单日期在所选期间内的订单金额合计。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Of the customers active when the period began (an order in the 365 days before), the share still active at its end (an order in the 365 days before the end).</source>
        <translation>期初活跃的客户（期初前 365 天内有订单）中，到期末仍然活跃（期末前 365 天内有订单）的比例。</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Of the customers active when the period began, the share with no order in the 365 days before its end: 100% minus retention.</source>
        <translation>期初活跃的客户中，期末前 365 天内没有订单的比例，即 100% 减去留存率。</translation>
    </message>
    <message>
        <source>Lead-to-won conversion</source>
        <translation>线索赢单转化率</translation>
    </message>
    <message>
        <source>Of the deals opened in the period, the share won so far.</source>
        <translation>所选期间内新建的商机中，到目前为止已赢单的比例。</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Of the deals closed in the period, the share won: won ÷ (won + lost).</source>
        <translation>所选期间内结束的商机中赢单的比例：赢单 ÷（赢单 + 输单）。</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>The total amount of the deals open now.</source>
        <translation>目前所有进行中商机的金额合计。</translation>
    </message>
    <message>
        <source>Weighted forecast</source>
        <translation>加权预测</translation>
    </message>
    <message>
        <source>Each open deal&apos;s amount times its win probability (the deal&apos;s own, else its stage&apos;s), summed.</source>
        <translation>每个进行中商机的金额乘以其赢单概率（商机自身的概率，没有则用所在阶段的概率）后求和。</translation>
    </message>
    <message>
        <source>Average lifetime value</source>
        <translation>平均客户终身价值</translation>
    </message>
    <message>
        <source>All a customer has spent, averaged over the customers with at least one order.</source>
        <translation>客户累计消费金额，按至少有一笔订单的客户求平均。</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>The average score (1 to 5) given to the complaints received in the period that were rated.</source>
        <translation>所选期间内受理且已评分的投诉的平均满意度（1 至 5 分）。</translation>
    </message>
    <message>
        <source>Complaints resolved on time</source>
        <translation>投诉按时解决率</translation>
    </message>
    <message>
        <source>Of the complaints received in the period and resolved, the share resolved by their service deadline.</source>
        <translation>所选期间内受理并已解决的投诉中，在服务时限内解决的比例。</translation>
    </message>
    <message>
        <source>Overdue care tasks</source>
        <translation>逾期关怀任务</translation>
    </message>
    <message>
        <source>Open care tasks whose day has passed.</source>
        <translation>日期已过但尚未完成的关怀任务。</translation>
    </message>
    <message>
        <source>Customers without a phone</source>
        <translation>缺少电话的客户</translation>
    </message>
    <message>
        <source>The share of customers with no phone number on file.</source>
        <translation>档案中没有电话号码的客户所占比例。</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Customers who share a phone number or an e-mail address with another customer.</source>
        <translation>与其他客户电话号码或电子邮箱相同的客户。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Existing</source>
        <translation>现有客户</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>以往客户</translation>
    </message>
    <message>
        <source>Strategic</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>伙伴</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Holiday greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>After-sale follow-up</source>
        <translation>售后回访</translation>
    </message>
    <message>
        <source>After-complaint follow-up</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Regular contact</source>
        <translation>定期联系</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重开</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>labels.channel</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Online review</source>
        <translation>网络评价</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>labels.complaint</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>labels.countdown</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
</context>
<context>
    <name>labels.interaction</name>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>metrics</name>
    <message>
        <source>Total spent {cur}{total:,} (at least {cur}{limit:,})</source>
        <translation>累计消费 {cur}{total:,}（不低于 {cur}{limit:,}）</translation>
    </message>
    <message>
        <source>Total spent {cur}{total:,} (under {cur}{limit:,})</source>
        <translation>累计消费 {cur}{total:,}（低于 {cur}{limit:,}）</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>尚无订单</translation>
    </message>
    <message>
        <source>Last order {days} days ago (more than {limit})</source>
        <translation>最近一次下单在 {days} 天前（超过 {limit} 天）</translation>
    </message>
    <message>
        <source>First order {days} days ago</source>
        <translation>首次下单在 {days} 天前</translation>
    </message>
    <message>
        <source>{orders} orders, the last {days} days ago</source>
        <translation>共 {orders} 笔订单，最近一次在 {days} 天前</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Complaint summary</source>
        <translation>投诉汇总</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>收到的投诉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Resolved on time</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <source>Average time to resolve</source>
        <translation>平均解决时长</translation>
    </message>
    <message>
        <source>90% resolved within</source>
        <translation>90% 在此时间内解决</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>{score} of 5 ({rated} rated)</source>
        <translation>{score} / 5（{rated} 人评分）</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前未结</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前逾期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Customers who complained more than once</source>
        <translation>多次投诉的客户</translation>
    </message>
    <message>
        <source>The complaints</source>
        <translation>投诉明细</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>数量统计</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>{count} customers</source>
        <translation>{count} 位客户</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>selected customers</source>
        <translation>选中的客户</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <source>Customer dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>leap </source>
        <translation>闰</translation>
    </message>
    <message>
        <source>Lunar {leap}{month}-{day}</source>
        <translation>农历{leap}{month}月{day}日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>成为客户日期</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>RFM scores</source>
        <translation>RFM 评分</translation>
    </message>
    <message>
        <source>R {r} · F {f} · M {m}</source>
        <translation>R {r} · F {f} · M {m}</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Days since last contact</source>
        <translation>距上次联系天数</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>Order amounts per month, last 12 months</source>
        <translation>近 12 个月每月订单金额</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <source>Order {amount}</source>
        <translation>订单 {amount}</translation>
    </message>
    <message>
        <source>Deal → {stage}</source>
        <translation>商机 → {stage}</translation>
    </message>
    <message>
        <source>Complaint ({status})</source>
        <translation>投诉（{status}）</translation>
    </message>
    <message>
        <source>Done: {kind}</source>
        <translation>已完成：{kind}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Recent timeline</source>
        <translation>近期动态</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Upcoming care tasks</source>
        <translation>即将到来的关怀任务</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印于 {date}</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>关键指标报表</translation>
    </message>
    <message>
        <source>How each figure is measured</source>
        <translation>各项指标的计算方法</translation>
    </message>
    <message>
        <source>Revenue per month</source>
        <translation>每月营收</translation>
    </message>
    <message>
        <source>New customers per month</source>
        <translation>每月新增客户</translation>
    </message>
    <message>
        <source>The last twelve months</source>
        <translation>近十二个月</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Customers on file</source>
        <translation>在册客户</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>各阶段进行中的商机</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Pipeline forecast</source>
        <translation>销售管道预测</translation>
    </message>
    <message>
        <source>Weighted forecast</source>
        <translation>加权预测</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average sales cycle</source>
        <translation>平均销售周期</translation>
    </message>
    <message>
        <source>Period of the conversion figures</source>
        <translation>转化数据的期间</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>无预计成交日期</translation>
    </message>
    <message>
        <source>Weighted forecast by expected close month</source>
        <translation>按预计成交月份的加权预测</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Forecast by month and owner</source>
        <translation>按月份和负责人的预测</translation>
    </message>
    <message>
        <source>Deals reached</source>
        <translation>到达的商机</translation>
    </message>
    <message>
        <source>Went on</source>
        <translation>进入下一阶段</translation>
    </message>
    <message>
        <source>Average days in stage</source>
        <translation>平均停留天数</translation>
    </message>
    <message>
        <source>{opened} deals opened, {won} won, {lost} lost</source>
        <translation>新开 {opened} 个商机，赢单 {won} 个，输单 {lost} 个</translation>
    </message>
    <message>
        <source>Conversion per stage</source>
        <translation>各阶段转化</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>new customer “{name}”</source>
        <translation>新建客户“{name}”</translation>
    </message>
    <message>
        <source>changes to “{name}”</source>
        <translation>对“{name}”的修改</translation>
    </message>
    <message>
        <source>deleting customers (%n)</source>
        <translation>删除客户（%n 位）</translation>
    </message>
    <message>
        <source>changing customers (%n)</source>
        <translation>修改客户（%n 位）</translation>
    </message>
    <message>
        <source>handing over customers (%n)</source>
        <translation>移交客户（%n 位）</translation>
    </message>
    <message>
        <source>tagging customers (%n)</source>
        <translation>为客户加标签（%n 位）</translation>
    </message>
    <message>
        <source>untagging customers (%n)</source>
        <translation>为客户去标签（%n 位）</translation>
    </message>
    <message>
        <source>importing rows (%n)</source>
        <translation>导入（%n 行）</translation>
    </message>
    <message>
        <source>merging into “{name}”</source>
        <translation>合并到“{name}”</translation>
    </message>
    <message>
        <source>moving “{name}”</source>
        <translation>移动“{name}”</translation>
    </message>
    <message>
        <source>restoring items (%n)</source>
        <translation>还原项目（%n 项）</translation>
    </message>
    <message>
        <source>deleting “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
</context>
</TS>
