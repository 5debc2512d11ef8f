<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Adequacy</name>
    <message>
        <source>No data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>域内</translation>
    </message>
    <message>
        <source>Adequate</source>
        <translation>十分性あり</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>部分的に十分性あり</translation>
    </message>
    <message>
        <source>Not adequate</source>
        <translation>十分性なし</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Transfer tool</source>
        <translation>越境移転評価ツール</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>データベースを開けません。</translation>
    </message>
    <message>
        <source>Could not open %1: %2. Check the address and that the server runs.</source>
        <translation>%1 を開けませんでした: %2。接続先のアドレスと、サーバーが起動していることを確認してください。</translation>
    </message>
</context>
<context>
    <name>CountryPicker</name>
    <message>
        <source>Search: name in English or Japanese, or code (e.g. 米国, Korea, DE)</source>
        <translation>検索: 日本語名・英語名・コード（例: 米国、Korea、DE）</translation>
    </message>
    <message>
        <source>Search destinations</source>
        <translation>移転先国・地域を検索</translation>
    </message>
    <message>
        <source>Destinations and their status under each regime</source>
        <translation>移転先国・地域と各法制度における状況</translation>
    </message>
    <message>
        <source>No destination selected.</source>
        <translation>移転先が選択されていません。</translation>
    </message>
    <message>
        <source>Status under each regime: loading…</source>
        <translation>各法制度における状況を読み込み中…</translation>
    </message>
</context>
<context>
    <name>CountryTableModel</name>
    <message>
        <source>Destination</source>
        <translation>移転先国・地域</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>overdue since %1</source>
        <translation>%1 から期限超過</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>APPI yearly checks due within 30 days</source>
        <translation>30日以内に期限を迎えるAPPI年次確認</translation>
    </message>
    <message>
        <source>Transfers by status</source>
        <translation>ステータス別の移転</translation>
    </message>
    <message>
        <source>All transfers</source>
        <translation>すべての移転</translation>
    </message>
    <message>
        <source>Transfers by destination</source>
        <translation>移転先国・地域別の移転</translation>
    </message>
    <message>
        <source>Re-assessment needed</source>
        <translation>再評価が必要</translation>
    </message>
    <message>
        <source>Overdue re-evaluations</source>
        <translation>期限を過ぎた再評価</translation>
    </message>
    <message>
        <source>Show all in the register</source>
        <translation>台帳ですべて表示</translation>
    </message>
    <message>
        <source>Show all in the register: %1</source>
        <translation>台帳ですべて表示: %1</translation>
    </message>
    <message>
        <source>Re-assessment needed (%1)</source>
        <translation>再評価が必要（%1件）</translation>
    </message>
    <message>
        <source>Overdue re-evaluations (%1)</source>
        <translation>期限を過ぎた再評価（%1件）</translation>
    </message>
    <message>
        <source>No transfers recorded yet.</source>
        <translation>まだ移転が登録されていません。</translation>
    </message>
    <message>
        <source>%1 more destinations with fewer transfers; click a bar to list its transfers.</source>
        <translation>ほかに移転の少ない移転先が %1 件あります。棒をクリックすると、その移転先への移転を一覧表示します。</translation>
    </message>
    <message>
        <source>Click a bar to list the transfers to that destination.</source>
        <translation>棒をクリックすると、その移転先への移転を一覧表示します。</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（期限 %1）</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2件）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong inside the tool (this is a bug, not something you did). Your saved work is safe. The details below help whoever maintains the tool.</source>
        <translation>ツール内部で問題が発生しました（操作の誤りではなく、ツールの不具合です）。保存済みの作業は失われていません。以下の詳細は保守担当者の調査に役立ちます。</translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation>越境移転評価ツール</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Transfer register — Transfer tool</source>
        <translation>移転台帳 — 越境移転評価ツール</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>移転台帳(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <source>Every recorded transfer, with search and filters (Ctrl+1)</source>
        <translation>登録済みのすべての移転（検索・絞り込み可）(Ctrl+1)</translation>
    </message>
    <message>
        <source>Counts, destinations, re-assessments and overdue dates (Ctrl+2)</source>
        <translation>件数、移転先、再評価、期限超過 (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New transfer…</source>
        <translation>新しい移転(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open assessment</source>
        <translation>評価を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export register as CSV…</source>
        <translation>台帳をCSVで書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find in register</source>
        <translation>台帳を検索(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>移転台帳(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>表示する列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>レビュー(&amp;V)</translation>
    </message>
    <message>
        <source>Assessments awaiting &amp;review…</source>
        <translation>レビュー待ちの評価(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Country data…</source>
        <translation>国別データ(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>ユーザーと役割(&amp;U)…</translation>
    </message>
    <message>
        <source>Ca&amp;talogues…</source>
        <translation>カタログ(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Transfer tool</source>
        <translation>越境移転評価ツールについて(&amp;A)</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) — %3</source>
        <translation>%1（%2）としてサインイン中 — %3</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>The assessment wizard is not available in this version yet.</source>
        <translation>評価ウィザードはこのバージョンではまだ利用できません。</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>新しい移転</translation>
    </message>
    <message>
        <source>Recording transfers from the app is not available in this version yet.</source>
        <translation>アプリからの移転の登録は、このバージョンではまだ利用できません。</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>まだ利用できません</translation>
    </message>
    <message>
        <source>This screen is not available in this version yet.</source>
        <translation>この画面はこのバージョンではまだ利用できません。</translation>
    </message>
    <message>
        <source>Export the register as CSV</source>
        <translation>台帳をCSVで書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n transfer(s) to %1</source>
        <translation>
            <numerusform>%n 件の移転を %1 に書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>About Transfer tool</source>
        <translation>越境移転評価ツールについて</translation>
    </message>
    <message>
        <source>Transfer tool %1

Records cross-border transfers of personal data, assesses them (Transfer Impact Assessments) and keeps them current.</source>
        <translation>越境移転評価ツール %1

個人データの越境移転を記録し、移転影響評価（TIA）を行い、その内容を最新に保ちます。</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>言語は次回の起動時に切り替わります。</translation>
    </message>
</context>
<context>
    <name>Regime</name>
    <message>
        <source>EU GDPR</source>
        <translation>EU GDPR</translation>
    </message>
    <message>
        <source>UK GDPR</source>
        <translation>英国GDPR</translation>
    </message>
    <message>
        <source>Swiss FADP</source>
        <translation>スイスFADP</translation>
    </message>
    <message>
        <source>Japan APPI</source>
        <translation>日本APPI</translation>
    </message>
    <message>
        <source>Brazil LGPD</source>
        <translation>ブラジルLGPD</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>データ輸出者</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>データ輸入者</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Re-assessment</source>
        <translation>再評価</translation>
    </message>
    <message>
        <source>Re-evaluation</source>
        <translation>再評価期限</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>この列では並べ替えできません</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>要再評価</translation>
    </message>
    <message>
        <source>The destination&apos;s data changed since the last assessment: assess it again.</source>
        <translation>前回の評価以降に移転先のデータが変更されました。再評価してください。</translation>
    </message>
    <message>
        <source>The re-evaluation date has passed.</source>
        <translation>再評価期限を過ぎています。</translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation>再移転</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Search: reference, title, party, country</source>
        <translation>検索: 管理番号・件名・当事者・国</translation>
    </message>
    <message>
        <source>Finds the reference, title, exporter or importer name, or the destination&apos;s country code</source>
        <translation>管理番号、件名、データ輸出者・輸入者の名称、移転先の国コードで検索します</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>台帳を検索</translation>
    </message>
    <message>
        <source>Destination filter</source>
        <translation>移転先で絞り込み</translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation>すべての移転先</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>ステータスで絞り込み</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>Regime filter</source>
        <translation>法制度で絞り込み</translation>
    </message>
    <message>
        <source>Transfers whose exporter is governed by this regime</source>
        <translation>データ輸出者にこの法制度が適用される移転</translation>
    </message>
    <message>
        <source>All regimes</source>
        <translation>すべての法制度</translation>
    </message>
    <message>
        <source>Re-assessment needed</source>
        <translation>再評価が必要</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>Transfers whose re-evaluation date has passed</source>
        <translation>再評価期限を過ぎた移転</translation>
    </message>
    <message>
        <source>Onward transfers</source>
        <translation>再移転</translation>
    </message>
    <message>
        <source>Also list onward transfers (sub-recipients)</source>
        <translation>再移転（再提供先）も表示する</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <source>Number of transfers shown</source>
        <translation>表示中の移転の件数</translation>
    </message>
    <message>
        <source>Transfer register</source>
        <translation>移転台帳</translation>
    </message>
    <message>
        <source>Details of the selected transfer</source>
        <translation>選択した移転の詳細</translation>
    </message>
    <message>
        <source>Open assessment…</source>
        <translation>評価を開く…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>表示する列</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a transfer to see its details. Press Enter to open its assessment.</source>
        <translation>移転を選択すると詳細を表示します。Enterキーで評価を開きます。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>データ輸出者</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>データ輸入者</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Re-evaluation due</source>
        <translation>再評価期限</translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation>個人データの項目</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <source>The destination&apos;s data changed.</source>
        <translation>移転先のデータが変更されました。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Legal staff</source>
        <translation>法務担当者</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>マネージャー</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>管理者アカウントの作成</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation>越境移転評価ツール</translation>
    </message>
    <message>
        <source>This is the first start on this database. Create the administrator account: the administrator manages users, country data and catalogues.</source>
        <translation>このデータベースでの初回起動です。管理者アカウントを作成してください。管理者はユーザー、国別データ、カタログを管理します。</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>ユーザー名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>As it should appear on reports</source>
        <translation>報告書に記載する表記で</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>%1 文字以上</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>氏名(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>パスワード（確認）(&amp;R):</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>ユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>2つのパスワードが一致しません。同じパスワードを2回入力してください。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>レビュー中</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>差戻し</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停止中</translation>
    </message>
</context>
<context>
    <name>_StatusCard</name>
    <message>
        <source>List these transfers in the register</source>
        <translation>これらの移転を台帳に表示</translation>
    </message>
</context>
</TS>
