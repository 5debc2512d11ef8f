<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Adequacy</name>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adequate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not adequate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2. Check the address and that the server runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountryPicker</name>
    <message>
        <source>Search: name in English or Japanese, or code (e.g. 米国, Korea, DE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations and their status under each regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destination selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status under each regime: loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountryTableModel</name>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPI yearly checks due within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers by destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue re-evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all in the register: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessment needed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue re-evaluations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfers recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more destinations with fewer transfers; click a bar to list its transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar to list the transfers to that destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong inside the tool (this is a bug, not something you did). Your saved work is safe. The details below help whoever maintains the tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Transfer register — Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recorded transfer, with search and filters (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts, destinations, re-assessments and overdue dates (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export register as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments awaiting &amp;review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;talogues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessment wizard is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording transfers from the app is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screen is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the register as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n transfer(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool %1

Records cross-border transfers of personal data, assesses them (Transfer Impact Assessments) and keeps them current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Regime</name>
    <message>
        <source>EU GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swiss FADP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japan APPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brazil LGPD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination&apos;s data changed since the last assessment: assess it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-evaluation date has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Search: reference, title, party, country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds the reference, title, exporter or importer name, or the destination&apos;s country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers whose exporter is governed by this regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regimes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers whose re-evaluation date has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list onward transfers (sub-recipients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of transfers shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a transfer to see its details. Press Enter to open its assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-evaluation due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination&apos;s data changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Legal staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first start on this database. Create the administrator account: the administrator manages users, country data and catalogues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As it should appear on reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_StatusCard</name>
    <message>
        <source>List these transfers in the register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
