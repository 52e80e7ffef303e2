<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BulkMenu</name>
    <message numerus="yes">
        <source>Tag for %n customer(s):</source>
        <translation>
            <numerusform>Tag for %n customer:</numerusform>
            <numerusform>Tag for %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %n customer(s):</source>
        <translation>
            <numerusform>Tag to remove from %n customer:</numerusform>
            <numerusform>Tag to remove from %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner of %n customer(s):</source>
        <translation>
            <numerusform>Owner of %n customer:</numerusform>
            <numerusform>Owner of %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the recycle bin? They can be restored from there.</source>
        <translation>
            <numerusform>Move %n customer to the recycle bin? They can be restored from there.</numerusform>
            <numerusform>Move %n customers to the recycle bin? They can be restored from there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written to %1.</source>
        <translation>
            <numerusform>%n customer written to %1.</numerusform>
            <numerusform>%n customers written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue and the next %n day(s)</source>
        <translation>
            <numerusform>Overdue and the next %n day</numerusform>
            <numerusform>Overdue and the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) written to %1.</source>
        <translation>
            <numerusform>%n task written to %1.</numerusform>
            <numerusform>%n tasks written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>%n day in stage</numerusform>
            <numerusform>%n days in stage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareWords</name>
    <message numerus="yes">
        <source>Birthday in %n day(s) (%1)</source>
        <translation>
            <numerusform>Birthday in %n day (%1)</numerusform>
            <numerusform>Birthday in %n days (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) since the first purchase (%1)</source>
        <translation>
            <numerusform>%n year since the first purchase (%1)</numerusform>
            <numerusform>%n years since the first purchase (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Get in touch (every %n day(s))</source>
        <translation>
            <numerusform>Get in touch (every %n day)</numerusform>
            <numerusform>Get in touch (every %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsPane</name>
    <message numerus="yes">
        <source>%n complaint(s) written to %1.</source>
        <translation>
            <numerusform>%n complaint written to %1.</numerusform>
            <numerusform>%n complaints written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) overdue</source>
        <translation>
            <numerusform>%n complaint overdue</numerusform>
            <numerusform>%n complaints overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <source>%n value(s) lost a merge: the same field was changed on two computers. The later change was kept.</source>
        <translation>
            <numerusform>%n value lost a merge: the same field was changed on two computers. The later change was kept.</numerusform>
            <numerusform>%n values lost a merge: the same field was changed on two computers. The later change was kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message numerus="yes">
        <source>%n with orders</source>
        <translation>
            <numerusform>%n with orders</numerusform>
            <numerusform>%n with orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) lapsed</source>
        <translation>
            <numerusform>%n customer lapsed</numerusform>
            <numerusform>%n customers lapsed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n open deal</numerusform>
            <numerusform>%n open deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n customer(s) with orders</source>
        <translation>
            <numerusform>over %n customer with orders</numerusform>
            <numerusform>over %n customers with orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n group(s)</source>
        <translation>
            <numerusform>in %n group</numerusform>
            <numerusform>in %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n customer(s): %1</source>
        <translation>
            <numerusform>%n customer: %1</numerusform>
            <numerusform>%n customers: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of possible duplicates.</source>
        <translation>
            <numerusform>%n group of possible duplicates.</numerusform>
            <numerusform>%n groups of possible duplicates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) are bad and were not imported.</source>
        <translation>
            <numerusform>%n row is bad and was not imported.</numerusform>
            <numerusform>%n rows are bad and were not imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiExport</name>
    <message numerus="yes">
        <source>The KPI workbook (%n figure(s)) was written to %1.</source>
        <translation>
            <numerusform>The KPI workbook (%n figure) was written to %1.</numerusform>
            <numerusform>The KPI workbook (%n figures) was written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n care task(s) are due. The care calendar lists them.</source>
        <translation>
            <numerusform>%n care task is due. The care calendar lists them.</numerusform>
            <numerusform>%n care tasks are due. The care calendar lists them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n care task(s) just fell due.</source>
        <translation>
            <numerusform>%n care task just fell due.</numerusform>
            <numerusform>%n care tasks just fell due.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) just passed their deadline.</source>
        <translation>
            <numerusform>%n complaint just passed its deadline.</numerusform>
            <numerusform>%n complaints just passed their deadline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo customer(s).</source>
        <translation>
            <numerusform>Added %n demo customer.</numerusform>
            <numerusform>Added %n demo customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelinePane</name>
    <message numerus="yes">
        <source>%n deal(s) written to %1.</source>
        <translation>
            <numerusform>%n deal written to %1.</numerusform>
            <numerusform>%n deals written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n care task(s)</source>
        <translation>
            <numerusform>%n care task</numerusform>
            <numerusform>%n care tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found: %1 (of %n item(s) in the bin)</source>
        <translation>
            <numerusform>Found: %1 (of %n item in the bin)</numerusform>
            <numerusform>Found: %1 (of %n items in the bin)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n item(s)…</source>
        <translation>
            <numerusform>Restoring %n item…</numerusform>
            <numerusform>Restoring %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase the %n selected item(s) for good? A customer goes with everything that belongs to them: contacts, history, orders, deals, care tasks and complaints. This cannot be undone.</source>
        <translation>
            <numerusform>Erase the %n selected item for good? A customer goes with everything that belongs to them: contacts, history, orders, deals, care tasks and complaints. This cannot be undone.</numerusform>
            <numerusform>Erase the %n selected items for good? A customer goes with everything that belongs to them: contacts, history, orders, deals, care tasks and complaints. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase all %n item(s) in the recycle bin for good, with everything that belongs to them? This cannot be undone.</source>
        <translation>
            <numerusform>Erase all %n item in the recycle bin for good, with everything that belongs to them? This cannot be undone.</numerusform>
            <numerusform>Erase all %n items in the recycle bin for good, with everything that belongs to them? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message numerus="yes">
        <source>%n record(s) written to the sync file. Read it on the other computer, then bring that computer's sync file back here.</source>
        <translation>
            <numerusform>%n record written to the sync file. Read it on the other computer, then bring that computer's sync file back here.</numerusform>
            <numerusform>%n records written to the sync file. Read it on the other computer, then bring that computer's sync file back here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received.</source>
        <translation>
            <numerusform>%n record received.</numerusform>
            <numerusform>%n records received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) sent.</source>
        <translation>
            <numerusform>%n record sent.</numerusform>
            <numerusform>%n records sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other computer's clock is %n minute(s) off; check the date and time settings.</source>
        <translation>
            <numerusform>The other computer's clock is %n minute off; check the date and time settings.</numerusform>
            <numerusform>The other computer's clock is %n minutes off; check the date and time settings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>%n conflict to review.</numerusform>
            <numerusform>%n conflicts to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message numerus="yes">
        <source>By exploring %n demo customer(s) (File → Remove demo data takes them out again)</source>
        <translation>
            <numerusform>By exploring %n demo customer (File → Remove demo data takes them out again)</numerusform>
            <numerusform>By exploring %n demo customers (File → Remove demo data takes them out again)</numerusform>
        </translation>
    </message>
</context>
</TS>