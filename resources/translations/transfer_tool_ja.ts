<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Transfer tool</source>
        <translation>越境移転評価ツールについて</translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation>越境移転評価ツール</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Records cross-border transfers of personal data, assesses them (Transfer Impact Assessments) and keeps them current.</source>
        <translation>個人データの越境移転を記録し、移転影響評価 (TIA) を行い、その内容を最新の状態に保ちます。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Country data: version %1</source>
        <translation>国別データ: バージョン %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>The app and its reports use these fonts, shipped under their licences:</source>
        <translation>本アプリとそのレポートは、以下のフォントをそれぞれのライセンスに基づいて同梱し、使用しています:</translation>
    </message>
    <message>
        <source>Fonts and their licences</source>
        <translation>フォントとそのライセンス</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>ライセンス本文</translation>
    </message>
    <message>
        <source>Built with these libraries (each under its own licence; the LGPL ones can be replaced in the installed folder):</source>
        <translation>以下のライブラリを使用しています（それぞれ固有のライセンスに基づきます。LGPLのものはインストール先のフォルダーで差し替えられます）:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
</context>
<context>
    <name>AcceptanceFields</name>
    <message>
        <source>Could the data be anonymised or minimised instead?</source>
        <translation>匿名化又は最小化で代替できないか</translation>
    </message>
    <message>
        <source>Why identifiable data is needed; what was minimised</source>
        <translation>識別可能なデータが必要な理由、最小化した内容</translation>
    </message>
    <message>
        <source>Who performs the assessment</source>
        <translation>評価の実施者</translation>
    </message>
    <message>
        <source>People and roles; what the importer contributed</source>
        <translation>担当者と役割、データ輸入者の関与</translation>
    </message>
    <message>
        <source>General data-protection framework of the destination</source>
        <translation>移転先国の一般的な個人データ保護制度</translation>
    </message>
    <message>
        <source>Its general data-protection law and independent authority</source>
        <translation>一般的な個人データ保護法と独立した監督機関</translation>
    </message>
    <message>
        <source>Redress for data subjects</source>
        <translation>データ主体の救済手段</translation>
    </message>
    <message>
        <source>Courts, the authority, remedies against public bodies</source>
        <translation>裁判所、監督機関、公的機関に対する救済</translation>
    </message>
    <message>
        <source>Is the transfer tool enforceable at the destination?</source>
        <translation>移転手段は移転先国で執行可能か</translation>
    </message>
    <message>
        <source>Why the tool is or is not enforceable</source>
        <translation>執行可能又は不可能と判断した理由</translation>
    </message>
    <message>
        <source>UK data protection test: is the protection not materially lower?</source>
        <translation>英国のデータ保護テスト：保護の水準が著しく低くならないか</translation>
    </message>
    <message>
        <source>Why the UK data protection test is or is not met</source>
        <translation>英国のデータ保護テストを満たす又は満たさない理由</translation>
    </message>
    <message>
        <source>e.g. CNIL (France); PPC (Japan)</source>
        <translation>例：CNIL（フランス）、個人情報保護委員会（日本）</translation>
    </message>
    <message>
        <source>Name and position at the importer</source>
        <translation>データ輸入者の署名者の氏名及び役職</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Anonymise or minimise instead?</source>
        <translation>匿名化・最小化での代替:</translation>
    </message>
    <message>
        <source>Performed by:</source>
        <translation>評価の実施者:</translation>
    </message>
    <message>
        <source>Destination&apos;s framework:</source>
        <translation>移転先国の制度:</translation>
    </message>
    <message>
        <source>Redress:</source>
        <translation>救済手段:</translation>
    </message>
    <message>
        <source>Tool enforceable there?</source>
        <translation>移転手段の執行可能性:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <source>UK data protection test met?</source>
        <translation>英国のデータ保護テスト:</translation>
    </message>
    <message>
        <source>Why (UK test):</source>
        <translation>理由（英国テスト）:</translation>
    </message>
    <message>
        <source>Supervisory authority:</source>
        <translation>所轄監督機関:</translation>
    </message>
    <message>
        <source>Importer&apos;s signatory:</source>
        <translation>データ輸入者の署名者:</translation>
    </message>
    <message>
        <source>Co-adopted on:</source>
        <translation>共同採択日:</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Country data</source>
        <translation>国別データ</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>ユーザーと役割</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>信頼する証明書</translation>
    </message>
    <message>
        <source>Catalogues</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>プライバシーポリシー（越境移転）</translation>
    </message>
    <message>
        <source>Administration — Transfer tool</source>
        <translation>管理 — 越境移転評価ツール</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved. Discard them and close?</source>
        <translation>%1への変更は保存されていません。変更を破棄して閉じますか？</translation>
    </message>
    <message>
        <source>The changes on the tab “%1” are not saved. Discard them and close?</source>
        <translation>「%1」タブの変更は保存されていません。変更を破棄して閉じますか？</translation>
    </message>
    <message>
        <source>Your role may not change country data.</source>
        <translation>あなたの役割では国別データを変更できません。</translation>
    </message>
    <message>
        <source>Your role may not manage users.</source>
        <translation>あなたの役割ではユーザーを管理できません。</translation>
    </message>
    <message>
        <source>Your role may not manage trusted certificates.</source>
        <translation>あなたの役割では信頼する証明書を管理できません。</translation>
    </message>
    <message>
        <source>Your role may not change the catalogues.</source>
        <translation>あなたの役割ではカタログを変更できません。</translation>
    </message>
    <message>
        <source>Your role may not change the organisation settings.</source>
        <translation>あなたの役割では組織の設定を変更できません。</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Ask an administrator if you need to.</source>
        <translation>必要な場合はシステム管理者に依頼してください。</translation>
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
    <name>ApprovePanel</name>
    <message>
        <source>Opening your signing identity…</source>
        <translation>署名用IDを開いています…</translation>
    </message>
    <message>
        <source>Rendering the report as approved…</source>
        <translation>承認済みとしてレポートを作成しています…</translation>
    </message>
    <message>
        <source>Signing the PDF…</source>
        <translation>PDFに署名しています…</translation>
    </message>
    <message>
        <source>Saving the approval…</source>
        <translation>承認を保存しています…</translation>
    </message>
    <message>
        <source>Signing identity</source>
        <translation>署名用ID</translation>
    </message>
    <message>
        <source>My identity made in the tool</source>
        <translation>このツールで作成した自分の署名用ID</translation>
    </message>
    <message>
        <source>My settings…</source>
        <translation>個人設定…</translation>
    </message>
    <message>
        <source>A PKCS#12 file (.p12, .pfx):</source>
        <translation>PKCS#12ファイル（.p12、.pfx）:</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>The passphrase of the identity</source>
        <translation>署名用IDのパスフレーズ</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>パスフレーズ:</translation>
    </message>
    <message>
        <source>I confirm that</source>
        <translation>以下を確認します</translation>
    </message>
    <message>
        <source>A&amp;pprove and sign</source>
        <translation>承認して署名(&amp;P)</translation>
    </message>
    <message>
        <source>Save the signed PDF…</source>
        <translation>署名済みPDFを保存…</translation>
    </message>
    <message>
        <source>You have no identity yet: create one in My settings, or choose a file below.</source>
        <translation>署名用IDがまだありません。個人設定で作成するか、下でファイルを選択してください。</translation>
    </message>
    <message>
        <source>%1 — fingerprint %2…</source>
        <translation>%1 — フィンガープリント %2…</translation>
    </message>
    <message>
        <source>You assessed this version yourself. The four-eyes rule means another manager must approve it, unless the organisation runs in single-user mode.</source>
        <translation>この版はあなた自身が評価しました。四つの目の原則により、組織が単独ユーザーモードでない限り、別のマネージャーが承認する必要があります。</translation>
    </message>
    <message>
        <source>The report could not be prepared, so it cannot be approved (see the report&apos;s pane).</source>
        <translation>レポートを作成できなかったため、承認できません（レポート欄を参照）。</translation>
    </message>
    <message>
        <source>The report is being prepared: you approve it once you can read it.</source>
        <translation>レポートを準備しています。読める状態になってから承認できます。</translation>
    </message>
    <message>
        <source>There is no file %1: choose the signing identity again.</source>
        <translation>ファイル %1 がありません。署名用IDを選択し直してください。</translation>
    </message>
    <message>
        <source>To approve, choose your signing identity and tick each confirmation.</source>
        <translation>承認するには、署名用IDを選択し、各確認事項にチェックを入れてください。</translation>
    </message>
    <message>
        <source>To approve, choose your signing identity.</source>
        <translation>承認するには、署名用IDを選択してください。</translation>
    </message>
    <message>
        <source>To approve, tick each confirmation.</source>
        <translation>承認するには、各確認事項にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Choose a signing identity</source>
        <translation>署名用IDを選択</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12ファイル (*.p12 *.pfx)</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>前のステップ</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>新しい移転</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Steps of the assessment: activate one to go there</source>
        <translation>評価のステップ（選ぶとそのステップに移動します）</translation>
    </message>
    <message>
        <source>Start a new vers&amp;ion</source>
        <translation>新しい版を作成(&amp;I)</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>保存の状況</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>All changes are saved automatically.</source>
        <translation>変更はすべて自動的に保存されます。</translation>
    </message>
    <message>
        <source>Restored what you typed before the app closed. It is saved once the fields marked ✖ are filled.</source>
        <translation>アプリが終了する前に入力した内容を復元しました。✖ の項目を入力すると保存されます。</translation>
    </message>
    <message>
        <source>Could not open: %1</source>
        <translation>開けませんでした: %1</translation>
    </message>
    <message>
        <source> · version %1</source>
        <translation> · 第%1版</translation>
    </message>
    <message>
        <source>Assessment — %1%2 · %3</source>
        <translation>評価 — %1%2 · %3</translation>
    </message>
    <message>
        <source>Read-only: your role may not edit assessments.</source>
        <translation>閲覧のみ: あなたの役割では評価を編集できません。</translation>
    </message>
    <message>
        <source>Submitted for review: read-only until a manager returns it.</source>
        <translation>レビュー中: マネージャーが差し戻すまで閲覧のみです。</translation>
    </message>
    <message>
        <source>Approved and signed: read-only. Changes go into a new version.</source>
        <translation>承認・署名済み: 閲覧のみです。変更は新しい版で行います。</translation>
    </message>
    <message>
        <source>Saving the new transfer…</source>
        <translation>新しい移転を保存しています…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Save this new transfer before closing?</source>
        <translation>閉じる前にこの新しい移転を保存しますか？</translation>
    </message>
    <message>
        <source>It gets its register reference when it is saved; Discard drops what you typed.</source>
        <translation>保存した時点で管理番号が付きます。「破棄」を選ぶと入力した内容は失われます。</translation>
    </message>
    <message>
        <source>This new transfer cannot be saved yet.</source>
        <translation>この新しい移転はまだ保存できません。</translation>
    </message>
    <message>
        <source>Some changes to the transfer cannot be saved yet.</source>
        <translation>移転の変更の一部をまだ保存できません。</translation>
    </message>
    <message>
        <source>Complete the fields marked ✖ in: %1. Discard drops what you typed.</source>
        <translation>次の画面の ✖ の項目を入力してください: %1。「破棄」を選ぶと入力した内容は失われます。</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>編集を続ける</translation>
    </message>
</context>
<context>
    <name>Attestations</name>
    <message>
        <source>The description of the transfer is accurate and complete.</source>
        <translation>移転の記述は正確かつ完全である。</translation>
    </message>
    <message>
        <source>I have read the assessment and understand the risks it describes.</source>
        <translation>評価を読み、そこに記載されたリスクを理解した。</translation>
    </message>
    <message>
        <source>I ratify the transfer tool and the supplementary measures chosen.</source>
        <translation>選択された移転手段と補完的措置を承認する。</translation>
    </message>
    <message>
        <source>The planned measures will be carried out by their owners and due dates.</source>
        <translation>予定された措置は、担当者により期限までに実施される。</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Not saved yet: this new transfer is stored once its required fields are filled.</source>
        <translation>未保存: この新しい移転は、必須項目を入力すると保存されます。</translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation>未保存の変更があります…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Saved (%1), except the transfer itself: fix the fields marked ✖ in step 1.</source>
        <translation>保存しました（%1）。ただし移転そのものは未保存です。ステップ1の ✖ の項目を修正してください。</translation>
    </message>
    <message>
        <source>All changes saved (%1).</source>
        <translation>すべての変更を保存しました（%1）。</translation>
    </message>
    <message>
        <source>Not saved: someone else saved this first. Choose which version to keep.</source>
        <translation>未保存: 他のユーザーが先に保存しました。どちらの版を残すか選んでください。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存: %1</translation>
    </message>
    <message>
        <source>Their version is shown; your unsaved changes were dropped.</source>
        <translation>相手の版を表示しています。あなたの未保存の変更は破棄されました。</translation>
    </message>
</context>
<context>
    <name>BulkReassessment</name>
    <message>
        <source>Starting new versions…</source>
        <translation>新しい版を開始しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Re-assessment</source>
        <translation>再評価</translation>
    </message>
    <message>
        <source>Started %1 of %2 new versions…</source>
        <translation>新しい版を %2 件中 %1 件開始しました…</translation>
    </message>
    <message>
        <source>A re-assessment was not started</source>
        <translation>再評価は開始されませんでした</translation>
    </message>
</context>
<context>
    <name>Catalogues</name>
    <message>
        <source>Data categories</source>
        <translation>個人データの項目</translation>
    </message>
    <message>
        <source>Acquisition routes</source>
        <translation>取得経路</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>法的根拠</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>Recipient types</source>
        <translation>提供先の種類</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation>本人の類型</translation>
    </message>
</context>
<context>
    <name>CataloguesPage</name>
    <message>
        <source>Catalogue</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Catalogues</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>日本語</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Policy section</source>
        <translation>ポリシーの条項</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>要配慮</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Catalogue entries</source>
        <translation>カタログの項目</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>e.g. 4-2 (shown in the report as Privacy Policy §4-2)</source>
        <translation>例: 4-2（レポートでは「プライバシーポリシー §4-2」と表示）</translation>
    </message>
    <message>
        <source>Sensitive (special-category) data</source>
        <translation>要配慮個人情報（特別な種類のデータ）</translation>
    </message>
    <message>
        <source>Offered for new transfers</source>
        <translation>新しい移転で選択可能</translation>
    </message>
    <message>
        <source>English label:</source>
        <translation>英語の表示名:</translation>
    </message>
    <message>
        <source>Japanese label:</source>
        <translation>日本語の表示名:</translation>
    </message>
    <message>
        <source>Policy section:</source>
        <translation>ポリシーの条項:</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>新しい項目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save entry</source>
        <translation>項目を保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>The new entry is not saved. Discard it?</source>
        <translation>新しい項目は保存されていません。破棄しますか？</translation>
    </message>
    <message>
        <source>The changes to “%1” are not saved. Discard them?</source>
        <translation>「%1」の変更は保存されていません。変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 を保存しました。</translation>
    </message>
    <message>
        <source>%1 is no longer offered for new transfers; existing transfers keep it.</source>
        <translation>%1 は新しい移転では選択できなくなりました。既存の移転はそのまま保持します。</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Changes since the version returned</source>
        <translation>差し戻した版からの変更</translation>
    </message>
    <message>
        <source>Comments sent back to the assessor</source>
        <translation>評価者に差し戻したコメント</translation>
    </message>
    <message>
        <source>Dealt with: %1, %2</source>
        <translation>対応済み: %1（%2）</translation>
    </message>
    <message>
        <source>Not dealt with yet</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>v%1 · %2: %3</source>
        <translation>第%1版 · %2: %3</translation>
    </message>
    <message>
        <source>Comments sent back to the assessor (%1):</source>
        <translation>評価者に差し戻したコメント（%1件）:</translation>
    </message>
    <message>
        <source>A first submission: there is no returned version to compare with.</source>
        <translation>初回の提出です。比較する差戻し済みの版はありません。</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Version %1 (approved)</source>
        <translation>第%1版（承認済み）</translation>
    </message>
    <message>
        <source>Version %1 (returned)</source>
        <translation>第%1版（差戻し済み）</translation>
    </message>
    <message>
        <source>Version %1 (now)</source>
        <translation>第%1版（現在）</translation>
    </message>
    <message>
        <source>Nothing changed since version %1, the approved version.</source>
        <translation>承認済みの第%1版から変更はありません。</translation>
    </message>
    <message>
        <source>Nothing changed since version %1, which you returned.</source>
        <translation>差し戻した第%1版から変更はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since version %1, the approved version this one would replace.</source>
        <translation>
            <numerusform>承認済みの第%1版（この版が置き換える版）から %n 項目が変更されています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since version %1, which you returned.</source>
        <translation>
            <numerusform>差し戻した第%1版から %n 項目が変更されました。</numerusform>
        </translation>
    </message>
    <message>
        <source>(not there)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Say what must change before you can approve. The assessor sees each comment beside its section of the assessment, and resubmits when done.</source>
        <translation>承認の前に何を変更すべきかを記入してください。評価者は各コメントを評価の該当セクションの横で確認し、対応後に再提出します。</translation>
    </message>
    <message>
        <source>What should the assessor change or explain?</source>
        <translation>評価者は何を変更または説明すべきですか？</translation>
    </message>
    <message>
        <source>&amp;Add comment</source>
        <translation>コメントを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Comments to send back</source>
        <translation>差し戻しコメント</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選択したものを削除</translation>
    </message>
    <message>
        <source>&amp;Return to the assessor</source>
        <translation>評価者に差戻し(&amp;R)</translation>
    </message>
    <message>
        <source>Section:</source>
        <translation>セクション:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>コメント:</translation>
    </message>
    <message>
        <source>Comments to send:</source>
        <translation>送信するコメント:</translation>
    </message>
    <message>
        <source>Write at least one comment: the assessor needs to know what to change.</source>
        <translation>コメントを1件以上記入してください。評価者は何を変更すべきかを知る必要があります。</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>7 · Conclusion and re-evaluation</source>
        <translation>7 · 結論と再評価</translation>
    </message>
    <message>
        <source>The recommendation follows from the steps; choose the conclusion and say why if it differs.</source>
        <translation>推奨はこれまでのステップから導かれます。結論を選び、推奨と異なる場合は理由を記入してください。</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <source>Recommended conclusion</source>
        <translation>推奨される結論</translation>
    </message>
    <message>
        <source>Your conclusion</source>
        <translation>あなたの結論</translation>
    </message>
    <message>
        <source>Reason for the chosen conclusion</source>
        <translation>選んだ結論の理由</translation>
    </message>
    <message>
        <source>Required when your conclusion differs from the recommendation</source>
        <translation>結論が推奨と異なる場合は必須</translation>
    </message>
    <message>
        <source>Procedural steps</source>
        <translation>手続上の措置</translation>
    </message>
    <message>
        <source>e.g. SCCs signed unchanged, no authorisation needed; supervisory authority informed</source>
        <translation>例: SCCを変更せずに締結したため許可は不要。監督機関へ通知済み</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) after approval</source>
        <translation>
            <numerusform>承認の%nか月後</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Procedural steps:</source>
        <translation>手続上の措置(&amp;P):</translation>
    </message>
    <message>
        <source>Re-e&amp;valuation date:</source>
        <translation>再評価期限(&amp;V):</translation>
    </message>
    <message>
        <source>What the DPO needs to accept the assessment</source>
        <translation>DPOが評価を受け入れるために必要な事項</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>証跡</translation>
    </message>
    <message>
        <source>e.g. Records of processing extract</source>
        <translation>例: 処理活動の記録（抜粋）</translation>
    </message>
    <message>
        <source> (recommended)</source>
        <translation>（推奨）</translation>
    </message>
</context>
<context>
    <name>ConflictChooser</name>
    <message>
        <source>Someone else saved this first</source>
        <translation>他のユーザーが先に保存しました</translation>
    </message>
    <message>
        <source>Keep mine stores your version over theirs. Keep theirs drops your unsaved changes. Use my choices stores, field by field, the value chosen under Keep.</source>
        <translation>「自分の版を残す」は相手の版をあなたの版で上書きします。「相手の版を残す」はあなたの未保存の変更を破棄します。「選択どおりに保存」は、「残す」欄で項目ごとに選んだ値を保存します。</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>自分の版を残す(&amp;M)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs…</source>
        <translation>相手の版を残す(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Use my choices</source>
        <translation>選択どおりに保存(&amp;U)</translation>
    </message>
    <message>
        <source>Drop your changes?</source>
        <translation>変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Your unsaved changes to the fields listed will be dropped and their version shown. This cannot be undone.</source>
        <translation>一覧の項目に対するあなたの未保存の変更は破棄され、相手の版が表示されます。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Drop mine, keep theirs</source>
        <translation>自分の変更を破棄して相手の版を残す</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>The other person&apos;s version was saved first, at %1. It is kept unless you choose otherwise.</source>
        <translation>相手の版が先に保存されました（%1）。別の選択をしない限り、相手の版が残ります。</translation>
    </message>
    <message>
        <source>The other person&apos;s version was saved first. It is kept unless you choose otherwise.</source>
        <translation>相手の版が先に保存されました。別の選択をしない限り、相手の版が残ります。</translation>
    </message>
    <message>
        <source>Below is every part that differs: your version (not saved) beside theirs (saved). Nothing is lost until you choose.</source>
        <translation>以下は異なるすべての部分です。あなたの版（未保存）と相手の版（保存済み）を並べて示します。選択するまで何も失われません。</translation>
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
        <source>Exporter&apos;s role</source>
        <translation>データ輸出者の役割</translation>
    </message>
    <message>
        <source>Importer&apos;s role</source>
        <translation>データ輸入者の役割</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Type of recipient</source>
        <translation>提供先の種類</translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation>個人データの項目</translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation>特別な種類の個人データ</translation>
    </message>
    <message>
        <source>Sensitive data details</source>
        <translation>要配慮個人情報の詳細</translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation>本人の類型</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>法的根拠</translation>
    </message>
    <message>
        <source>How the data was obtained</source>
        <translation>取得の経緯</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>頻度</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>件数・規模</translation>
    </message>
    <message>
        <source>Format in transit</source>
        <translation>移転中のデータ形式</translation>
    </message>
    <message>
        <source>Format at rest</source>
        <translation>保存時のデータ形式</translation>
    </message>
    <message>
        <source>Who holds the keys</source>
        <translation>暗号鍵の管理者</translation>
    </message>
    <message>
        <source>Storage countries</source>
        <translation>保存場所（国・地域）</translation>
    </message>
    <message>
        <source>Remote access from</source>
        <translation>リモートアクセス元</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <source>Retention code</source>
        <translation>保存期間の区分</translation>
    </message>
    <message>
        <source>Nature of the processing</source>
        <translation>取扱いの性質</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Transfer facts (step 1)</source>
        <translation>移転の内容（ステップ1）</translation>
    </message>
    <message>
        <source>Regimes that apply (pre-check)</source>
        <translation>適用される法制度（事前確認）</translation>
    </message>
    <message>
        <source>Confirmed conditions (pre-check)</source>
        <translation>確認済みの条件（事前確認）</translation>
    </message>
    <message>
        <source>Scope questions (pre-check)</source>
        <translation>適用範囲の質問（事前確認）</translation>
    </message>
    <message>
        <source>Information for the person&apos;s consent (APPI)</source>
        <translation>本人の同意のための情報（個人情報保護法）</translation>
    </message>
    <message>
        <source>Use case (step 4)</source>
        <translation>ユースケース（ステップ4）</translation>
    </message>
    <message>
        <source>What a DPO needs to accept it (conclusion)</source>
        <translation>DPOの受入れに必要な事項（結論）</translation>
    </message>
    <message>
        <source>Copied answers still to confirm</source>
        <translation>未確認のコピーされた回答</translation>
    </message>
    <message>
        <source>Transfer tool (step 2)</source>
        <translation>移転手段（ステップ2）</translation>
    </message>
    <message>
        <source>Law and practice (step 3)</source>
        <translation>法令と実務（ステップ3）</translation>
    </message>
    <message>
        <source>Supplementary measures (step 4)</source>
        <translation>補完的措置（ステップ4）</translation>
    </message>
    <message>
        <source>Procedural steps (step 5)</source>
        <translation>手続上の措置（ステップ5）</translation>
    </message>
    <message>
        <source>Risk inputs</source>
        <translation>リスク評価の入力</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>結論</translation>
    </message>
    <message>
        <source>Re-evaluation date (step 6)</source>
        <translation>再評価期限（ステップ6）</translation>
    </message>
    <message>
        <source>APPI yearly check due</source>
        <translation>相当措置の定期的な確認の期限</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>証跡</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;項目&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine (not saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;自分の版（未保存）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs (saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;相手の版（保存済み）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep&lt;/b&gt;</source>
        <translation>&lt;b&gt;残す&lt;/b&gt;</translation>
    </message>
    <message>
        <source>My value of %1</source>
        <translation>%1 の自分の値</translation>
    </message>
    <message>
        <source>Their value of %1</source>
        <translation>%1 の相手の値</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Keep my value of %1</source>
        <translation>%1 は自分の値を残す</translation>
    </message>
    <message>
        <source>Keep their value of %1</source>
        <translation>%1 は相手の値を残す</translation>
    </message>
    <message>
        <source>The saved contents are the same; only the version number differs.</source>
        <translation>保存内容は同じで、版番号だけが異なります。</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>New transfer from this one</source>
        <translation>この移転から新規作成</translation>
    </message>
    <message>
        <source>&amp;Exporter:</source>
        <translation>データ輸出者(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Importer:</source>
        <translation>データ輸入者(&amp;I)：</translation>
    </message>
    <message>
        <source>Create the copy</source>
        <translation>複写を作成</translation>
    </message>
    <message>
        <source>A new transfer like %1 (%2), with its onward transfers and a draft assessment. Every answer copied from its assessment is marked for you to confirm; choose another exporter or importer first if this one is for a different party.</source>
        <translation>%1（%2）と同じ内容の新しい移転を、再移転及び評価の下書きとともに作成します。評価から複写された回答にはすべて確認待ちの印が付きます。相手方が異なる場合は、先に別のデータ輸出者又はデータ輸入者を選択してください。</translation>
    </message>
    <message>
        <source>The transfer was not copied</source>
        <translation>移転は複写されませんでした</translation>
    </message>
</context>
<context>
    <name>CountriesPage</name>
    <message>
        <source>Filter destinations</source>
        <translation>移転先の絞り込み</translation>
    </message>
    <message>
        <source>Filter by name or code (English or 日本語)</source>
        <translation>国名またはコードで絞り込み（英語または日本語）</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移転</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>法制度</translation>
    </message>
    <message>
        <source>Why it must be re-assessed</source>
        <translation>再評価が必要な理由</translation>
    </message>
    <message>
        <source>Transfers flagged for re-assessment</source>
        <translation>再評価が必要とされた移転</translation>
    </message>
    <message>
        <source>Transfers flagged by your last save appear here.</source>
        <translation>直前の保存で再評価対象となった移転がここに表示されます。</translation>
    </message>
    <message>
        <source>Flagged transfers</source>
        <translation>再評価対象の移転</translation>
    </message>
    <message>
        <source>Required: why the data changes, e.g. &apos;CJEU annulled the decision&apos;</source>
        <translation>必須: データを変更する理由（例:「欧州司法裁判所が決定を無効とした」）</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation>新しい版として保存(&amp;S)</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>変更理由:</translation>
    </message>
    <message>
        <source>Save or discard the changes to %1 before opening another destination.</source>
        <translation>別の移転先を開く前に、%1 への変更を保存または破棄してください。</translation>
    </message>
    <message>
        <source>%1 (%2) — country data version %3</source>
        <translation>%1（%2）— 国別データ 第%3版</translation>
    </message>
    <message>
        <source>%1: %2 (%3 transfer(s))</source>
        <translation>%1: %2（移転 %3 件）</translation>
    </message>
    <message numerus="yes">
        <source>Saving flags %n transfer(s) for re-assessment:</source>
        <translation>
            <numerusform>保存すると %n 件の移転が再評価の対象になります:</numerusform>
        </translation>
    </message>
    <message>
        <source>Say why the data changes; it is kept in the history.</source>
        <translation>データを変更する理由を記入してください。履歴に残ります。</translation>
    </message>
    <message>
        <source>The change was not saved: a reason is required.</source>
        <translation>変更は保存されていません。理由が必要です。</translation>
    </message>
    <message>
        <source>Nothing changed, so no new version was saved.</source>
        <translation>変更がないため、新しい版は保存されていません。</translation>
    </message>
    <message>
        <source>Saved %1 as version %2.</source>
        <translation>%1 を第%2版として保存しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) flagged for re-assessment (see Flagged transfers).</source>
        <translation>
            <numerusform>%n 件の移転を再評価の対象にしました（「再評価対象の移転」を参照）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged by version %1: each needs a new assessment version.</source>
        <translation>第%1版により再評価対象となった移転です。それぞれ評価の新しい版が必要です。</translation>
    </message>
    <message>
        <source>Import country data</source>
        <translation>国別データのインポート</translation>
    </message>
    <message>
        <source>Country data (*.json);;All files (*)</source>
        <translation>国別データ (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Export country data</source>
        <translation>国別データのエクスポート</translation>
    </message>
    <message>
        <source>Country data (*.json)</source>
        <translation>国別データ (*.json)</translation>
    </message>
    <message>
        <source>Country data exported to %1.</source>
        <translation>国別データを %1 にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>CountryHistory</name>
    <message>
        <source>the tool</source>
        <translation>本ツール</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>condition changed</source>
        <translation>条件の変更</translation>
    </message>
    <message>
        <source>decision or instrument changed</source>
        <translation>決定・根拠文書の変更</translation>
    </message>
    <message>
        <source>expiry or review date changed</source>
        <translation>失効日・見直し期限の変更</translation>
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
    <message>
        <source>unverified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>Unverified: nobody has checked this entry against its source yet.</source>
        <translation>未検証：この項目はまだ出典と照合されていません。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>%1 (v%2)</source>
        <translation>%1（第%2版）</translation>
    </message>
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
        <translation>30日以内に期限を迎える相当措置の定期的な確認</translation>
    </message>
    <message>
        <source>Your transfers that need you</source>
        <translation>対応が必要な自分の移転</translation>
    </message>
    <message>
        <source>returned to you</source>
        <translation>差し戻されました</translation>
    </message>
    <message>
        <source>flagged for re-assessment</source>
        <translation>再評価が必要です</translation>
    </message>
    <message>
        <source>re-evaluation due %1</source>
        <translation>再評価期限 %1</translation>
    </message>
    <message>
        <source>open action: %1, due %2</source>
        <translation>未完了の措置：%1（期限 %2）</translation>
    </message>
    <message>
        <source>Since you last signed in</source>
        <translation>前回のサインイン以降</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認されました</translation>
    </message>
    <message>
        <source>reassigned to you</source>
        <translation>担当者に割り当てられました</translation>
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
        <source>Save due dates to a &amp;calendar file (.ics)…</source>
        <translation>期限をカレンダーファイル（.ics）に保存(&amp;C)…</translation>
    </message>
    <message>
        <source>Re-evaluations, APPI yearly checks and planned measures as calendar events for Outlook, Google Calendar or Apple Calendar; importing a newer file updates the events</source>
        <translation>再評価、APPIの年次確認、予定された措置を、Outlook・Googleカレンダー・Appleカレンダー用の予定として保存します。新しいファイルを取り込むと予定が更新されます</translation>
    </message>
    <message>
        <source>Save due dates to a calendar file</source>
        <translation>期限をカレンダーファイルに保存</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
    <message>
        <source>Saving the due dates…</source>
        <translation>期限を保存しています…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n due date(s) to %1. Import the file into your calendar.</source>
        <translation>
            <numerusform>期限 %n 件を %1 に保存しました。このファイルをカレンダーに取り込んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the due dates failed</source>
        <translation>期限を保存できませんでした</translation>
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
    <message>
        <source>%1 v%2 — %3, submitted %4 by %5</source>
        <translation>%1 第%2版 — %3（%4提出、提出者: %5）</translation>
    </message>
    <message>
        <source>(you worked on it: another manager approves it)</source>
        <translation>（ご自身が作成に関わったため、別のマネージャーが承認します）</translation>
    </message>
    <message>
        <source>Awaiting your review</source>
        <translation>レビュー待ち</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>1 · Know your transfer: the personal data</source>
        <translation>1 · 移転の把握: 個人データ</translation>
    </message>
    <message>
        <source>What is sent, about whom, for what, and on what basis (catalogues from the privacy policy).</source>
        <translation>誰のどのようなデータを、何のために、どの根拠で移転するか（プライバシーポリシーに基づくカタログから選択）。</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>個人データの項目</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation>本人の類型</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法的根拠</translation>
    </message>
    <message>
        <source>How the data was acquired</source>
        <translation>取得の経緯</translation>
    </message>
    <message>
        <source>Includes special-category or sensiti&amp;ve data</source>
        <translation>特別な種類の個人データ・要配慮個人情報を含む(&amp;V)</translation>
    </message>
    <message>
        <source>Includes special-category or sensitive data</source>
        <translation>特別な種類の個人データ・要配慮個人情報を含む</translation>
    </message>
    <message>
        <source>Sensitive data and its restrictions</source>
        <translation>要配慮個人情報とその制限</translation>
    </message>
    <message>
        <source>Which sensitive data, and the restrictions applied to it</source>
        <translation>どの要配慮個人情報か、またそれに適用する制限</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Number of data subjects</source>
        <translation>本人の数</translation>
    </message>
    <message>
        <source>Lar&amp;ge volume (systematic or massive)</source>
        <translation>大量（体系的又は大規模）(&amp;G)</translation>
    </message>
    <message>
        <source>Large volume</source>
        <translation>大量</translation>
    </message>
    <message>
        <source>&amp;Categories of personal data (policy §4)</source>
        <translation>個人データの項目（ポリシー §4）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Purposes (policy §7)</source>
        <translation>利用目的（ポリシー §7）(&amp;P)</translation>
    </message>
    <message>
        <source>N&amp;umber of data subjects:</source>
        <translation>本人の数(&amp;U):</translation>
    </message>
    <message>
        <source>Data &amp;subjects</source>
        <translation>本人の類型(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Legal basis (policy §6)</source>
        <translation>法的根拠（ポリシー §6）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Acquired how (policy §5)</source>
        <translation>取得の経緯（ポリシー §5）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>DestinationEditor</name>
    <message>
        <source>Status per regime</source>
        <translation>制度ごとの状況</translation>
    </message>
    <message>
        <source>Government access</source>
        <translation>ガバメントアクセス</translation>
    </message>
    <message>
        <source>APPI information</source>
        <translation>個人情報保護法の情報提供項目</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>法制度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Checked against the source</source>
        <translation>出典と照合済み</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>法令</translation>
    </message>
    <message>
        <source>Condition (who is covered)</source>
        <translation>条件（対象となる者）</translation>
    </message>
    <message>
        <source>Decision or instrument</source>
        <translation>決定・根拠文書</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>採択日</translation>
    </message>
    <message>
        <source>Expires or review due on</source>
        <translation>失効日・見直し期限</translation>
    </message>
    <message>
        <source>Source (URL)</source>
        <translation>出典（URL）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Last verified on</source>
        <translation>最終確認日</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>施行日</translation>
    </message>
    <message>
        <source>Scope questions</source>
        <translation>適用範囲の確認事項</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Problematic</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>対象範囲</translation>
    </message>
    <message>
        <source>Sources (one URL a line)</source>
        <translation>出典（1行に1つのURL）</translation>
    </message>
    <message>
        <source>Has a data-protection system</source>
        <translation>個人情報保護制度の有無</translation>
    </message>
    <message>
        <source>The system in brief</source>
        <translation>制度の概要</translation>
    </message>
    <message>
        <source>OECD principles covered</source>
        <translation>対応するOECD8原則</translation>
    </message>
    <message>
        <source>Gaps against the OECD principles</source>
        <translation>OECD8原則との相違</translation>
    </message>
    <message>
        <source>CBPR membership</source>
        <translation>CBPRへの参加</translation>
    </message>
    <message>
        <source>Data localisation duties</source>
        <translation>データローカライゼーション義務</translation>
    </message>
    <message>
        <source>Duties to cooperate with the government</source>
        <translation>政府への協力義務</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2026-07-10.</source>
        <translation>日付は YYYY-MM-DD の形式で入力してください（例: 2026-07-10）。</translation>
    </message>
    <message>
        <source>Status under each regime</source>
        <translation>各法制度の下での状況</translation>
    </message>
    <message>
        <source>Government-access laws</source>
        <translation>ガバメントアクセス関連法令</translation>
    </message>
    <message>
        <source>Add a law</source>
        <translation>法令を追加</translation>
    </message>
    <message>
        <source>Remove the law</source>
        <translation>法令を削除</translation>
    </message>
    <message>
        <source>Problematic against the European Essential Guarantees</source>
        <translation>欧州の本質的保障に照らして問題あり</translation>
    </message>
    <message>
        <source>Record the APPI information items for this destination</source>
        <translation>この移転先について個人情報保護法の情報提供項目を記録する</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>No</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Checked against the sources</source>
        <translation>出典と照合済み</translation>
    </message>
    <message>
        <source>Correct these before saving:</source>
        <translation>保存の前に次の点を修正してください:</translation>
    </message>
    <message>
        <source>New law</source>
        <translation>新しい法令</translation>
    </message>
    <message>
        <source>The other version (%1) was saved first and is kept unless you choose otherwise. Below is every part that differs; choosing re-saves against that version.</source>
        <translation>もう一方の版（%1）が先に保存されており、別の選択をしない限りそちらが残ります。以下は異なるすべての部分です。選択すると、その版を基に保存し直します。</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Government access laws</source>
        <translation>ガバメントアクセス関連法令</translation>
    </message>
    <message>
        <source>Status under %1</source>
        <translation>%1 における状況</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Keep editing</source>
        <translation>編集を続ける</translation>
    </message>
</context>
<context>
    <name>EntityCombo</name>
    <message>
        <source>New…</source>
        <translation>新規…</translation>
    </message>
    <message>
        <source>New entity for: %1</source>
        <translation>新しい法人: %1</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Edit the entity chosen as: %1</source>
        <translation>%1として選択した法人を編集</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Remove the entity chosen as %1 from the register</source>
        <translation>%1として選択した法人を台帳から削除</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <source> · group</source>
        <translation> · グループ会社</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <source>New entity</source>
        <translation>新しい法人</translation>
    </message>
    <message>
        <source>Edit entity</source>
        <translation>法人の編集</translation>
    </message>
    <message>
        <source>A legal person of the group or outside it. Name and country are required.</source>
        <translation>グループ内外の法人です。名称と国・地域は必須です。</translation>
    </message>
    <message>
        <source>Correct the entity as recorded. The change applies to every transfer that names it.</source>
        <translation>登録済みの法人の情報を修正します。変更はこの法人を当事者とするすべての移転に反映されます。</translation>
    </message>
    <message>
        <source>A company of our &amp;group</source>
        <translation>当グループの会社(&amp;G)</translation>
    </message>
    <message>
        <source>Legal &amp;name:</source>
        <translation>正式名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>国・地域(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>所在地(&amp;A):</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>担当者(&amp;P):</translation>
    </message>
    <message>
        <source>Contact&apos;s p&amp;osition:</source>
        <translation>担当者の役職(&amp;O):</translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation>担当者のメールアドレス(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Registration no.:</source>
        <translation>登録番号(&amp;R):</translation>
    </message>
    <message>
        <source>A company of our group</source>
        <translation>当グループの会社</translation>
    </message>
    <message>
        <source>Certified under %1</source>
        <translation>%1 の認証あり</translation>
    </message>
    <message>
        <source>Certifications:</source>
        <translation>認証:</translation>
    </message>
    <message>
        <source>&amp;Save entity</source>
        <translation>法人を保存(&amp;S)</translation>
    </message>
    <message>
        <source>choose the country: type its name (English or Japanese) or code</source>
        <translation>国・地域を選んでください（日本語名・英語名またはコードを入力）</translation>
    </message>
    <message>
        <source>Someone removed this entity after you opened it; nothing was saved. Choose Cancel, then choose the entity again or record it anew.</source>
        <translation>あなたが開いた後に他のユーザーがこの法人を削除したため、保存されませんでした。「キャンセル」を選んでから、法人を選び直すか、新たに登録してください。</translation>
    </message>
    <message>
        <source>Choose Cancel and open the entity again: it then shows their change, and you can make yours again.</source>
        <translation>「キャンセル」を選んでから法人をもう一度開いてください。他のユーザーの変更が表示されるので、あなたの変更をもう一度入力できます。</translation>
    </message>
    <message>
        <source>The details you typed are not saved. Discard them?</source>
        <translation>入力した内容は保存されていません。破棄しますか？</translation>
    </message>
    <message>
        <source>Remove entity</source>
        <translation>法人の削除</translation>
    </message>
    <message>
        <source>Remove %1 from the register? Only an entity entered by mistake should go: one that a transfer names cannot be removed.</source>
        <translation>%1を台帳から削除しますか？削除するのは誤って登録した法人だけにしてください。移転の当事者になっている法人は削除できません。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>The entity was not removed</source>
        <translation>法人は削除されませんでした</translation>
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
    <message>
        <source>Someone else removed this transfer meanwhile. Close this window; the register shows the transfers that are left.</source>
        <translation>この移転は、その間に他の人が削除しました。このウィンドウを閉じてください。残っている移転は台帳で確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed the transfer meanwhile; nothing was copied. The register shows the transfers that are left.</source>
        <translation>この移転は、その間に他の人が削除しました。何もコピーしていません。残っている移転は台帳で確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed one of the chosen transfers meanwhile; nothing was reassigned. Refresh the list and choose again.</source>
        <translation>選択した移転のうち一件を、その間に他の人が削除しました。担当者は変更していません。一覧を更新して選び直してください。</translation>
    </message>
    <message>
        <source>Someone else changed the notices meanwhile, and the one shown here is no longer stored. Generate it again, then publish it.</source>
        <translation>その間に他の人が通知を変更したため、ここに表示している通知はもう保存されていません。通知をもう一度作成してから公開してください。</translation>
    </message>
    <message>
        <source>Someone else removed this assessment (or its transfer) meanwhile. Close this window; the register shows what is left.</source>
        <translation>この評価（又はその移転）は、その間に他の人が削除しました。このウィンドウを閉じてください。残っているものは台帳で確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed this evidence file meanwhile. Open the assessment again to see the evidence that is left.</source>
        <translation>この証跡ファイルは、その間に他の人が削除しました。評価を開き直すと、残っている証跡を確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed this comment meanwhile. Open the review again to see the comments left.</source>
        <translation>このコメントは、その間に他の人が削除しました。レビューを開き直すと、残っているコメントを確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed this user meanwhile. The list of users now shows the accounts that are left.</source>
        <translation>このユーザーは、その間に他の人が削除しました。ユーザーの一覧に、残っているアカウントが表示されます。</translation>
    </message>
    <message>
        <source>Someone else removed this entity meanwhile. Choose the entity again or record it anew; the register shows the entities that are left.</source>
        <translation>この法人は、その間に他の人が削除しました。法人を選び直すか、新たに登録してください。残っている法人は台帳で確認できます。</translation>
    </message>
    <message>
        <source>Someone else removed this trusted certificate meanwhile. The list shows the certificates that are left.</source>
        <translation>この信頼する証明書は、その間に他の人が削除しました。一覧に残っている証明書が表示されます。</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>What the file shows (evidence label)</source>
        <translation>ファイルの内容（証跡の表示名）</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>ファイルを添付(&amp;F)…</translation>
    </message>
    <message>
        <source>Attach an evidence file</source>
        <translation>証跡ファイルを添付</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected evidence file</source>
        <translation>選択した証跡ファイルを削除</translation>
    </message>
    <message>
        <source>Attached evidence files</source>
        <translation>添付した証跡ファイル</translation>
    </message>
    <message>
        <source>Or drop files here. Each file is kept with its SHA-256 digest.</source>
        <translation>ここにファイルをドロップすることもできます。各ファイルはSHA-256ダイジェストとともに保管されます。</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>表示名:</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>証跡を添付</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>証跡</translation>
    </message>
</context>
<context>
    <name>HandlingPage</name>
    <message>
        <source>1 · Know your transfer: how the data is handled</source>
        <translation>1 · 移転の把握: データの取扱い</translation>
    </message>
    <message>
        <source>Frequency, form in transit and at rest, where it is stored and accessed from, retention, onward transfers.</source>
        <translation>頻度、移転中・保存時のデータ形式、保存場所とアクセス元、保存期間、再移転。</translation>
    </message>
    <message>
        <source>e.g. US, IE  or  米国、アイルランド</source>
        <translation>例: 米国、アイルランド  または  US, IE</translation>
    </message>
    <message>
        <source>Countries the data is accessed from, if any</source>
        <translation>データにアクセスする国・地域（ある場合）</translation>
    </message>
    <message>
        <source>e.g. Contract term plus 1 year</source>
        <translation>例: 契約期間終了後1年</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>頻度(&amp;F):</translation>
    </message>
    <message>
        <source>Form in &amp;transit:</source>
        <translation>移転中のデータ形式(&amp;T):</translation>
    </message>
    <message>
        <source>Form at r&amp;est:</source>
        <translation>保存時のデータ形式(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Keys held by:</source>
        <translation>暗号鍵の管理者(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Stored in:</source>
        <translation>保存場所(&amp;S):</translation>
    </message>
    <message>
        <source>Remote &amp;access from:</source>
        <translation>リモートアクセス元(&amp;A):</translation>
    </message>
    <message>
        <source>Retention (policy §&amp;12):</source>
        <translation>保存期間（ポリシー §12）(&amp;1):</translation>
    </message>
    <message>
        <source>Retention &amp;period:</source>
        <translation>保存期間の詳細(&amp;P):</translation>
    </message>
    <message>
        <source>Onward transfers</source>
        <translation>再移転</translation>
    </message>
    <message>
        <source>Sub-recipients the importer passes the data to; each is a transfer of its own.</source>
        <translation>データ輸入者がデータを提供する再提供先です。それぞれが独立した移転として扱われます。</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Sub-recipient</source>
        <translation>再提供先</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国・地域</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>A&amp;dd onward transfer…</source>
        <translation>再移転を追加(&amp;D)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>削除(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected onward transfer</source>
        <translation>選択した再移転を削除</translation>
    </message>
    <message>
        <source>not recognised: %1</source>
        <translation>認識できません: %1</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— なし —</translation>
    </message>
    <message>
        <source>Onward transfers can be added once this transfer is saved (after this page).</source>
        <translation>再移転は、この移転が保存された後（このページの次）に追加できます。</translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation>再移転</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>変更日時</translation>
    </message>
    <message>
        <source>By</source>
        <translation>変更者</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Versions of the country data</source>
        <translation>国別データの版</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>古い版</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <source>Changes between the two versions</source>
        <translation>2つの版の間の変更</translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation>比較: 第</translation>
    </message>
    <message>
        <source>with version</source>
        <translation>版 と 第</translation>
    </message>
    <message>
        <source>Choose two different versions to see what changed.</source>
        <translation>変更点を見るには異なる2つの版を選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ between version %1 and version %2.</source>
        <translation>
            <numerusform>第%1版と第%2版では %n 項目が異なります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import transfers — %1</source>
        <translation>移転のインポート — %1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message>
        <source>&amp;Problems (nothing is imported until there are none):</source>
        <translation>問題点(&amp;P)（問題がなくなるまで何もインポートされません）:</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>ファイルの問題点</translation>
    </message>
    <message>
        <source>&amp;Rows in the file:</source>
        <translation>ファイルの行(&amp;R):</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>ファイルの行</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 Nothing was imported.</source>
        <translation>%1 はインポートできません: %2 何もインポートされていません。</translation>
    </message>
    <message>
        <source>%1: %2 transfer(s), %3 problem(s). Fix them in the file and import it again; nothing was imported.</source>
        <translation>%1: 移転 %2 件、問題 %3 件。ファイルで修正してから、もう一度インポートしてください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>%1: %2 transfer(s) and no problems. Import adds all of them to the register.</source>
        <translation>%1: 移転 %2 件、問題はありません。インポートするとすべて台帳に追加されます。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n transfer(s)</source>
        <translation>
            <numerusform>移転 %n 件をインポート(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>何もインポートされていません。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>インポートできませんでした</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポートしています…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import country data — preview</source>
        <translation>国別データのインポート — プレビュー</translation>
    </message>
    <message numerus="yes">
        <source>%n destination(s) would change.</source>
        <translation>
            <numerusform>%n 件の移転先が変更されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) would be flagged for re-assessment.</source>
        <translation>
            <numerusform>%n 件の移転が再評価の対象になります。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds the same data as the database: importing it changes nothing.</source>
        <translation>ファイルの内容はデータベースと同じです。インポートしても何も変わりません。</translation>
    </message>
    <message>
        <source>File: %1 (data version %2)</source>
        <translation>ファイル: %1（データの版 %2）</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>ファイルの内容</translation>
    </message>
    <message>
        <source>Changes in the file to import</source>
        <translation>取り込むファイルの変更内容</translation>
    </message>
    <message>
        <source>Status changes:</source>
        <translation>状況の変更:</translation>
    </message>
    <message>
        <source>e.g. quarterly update from the legal reference</source>
        <translation>例: 法令資料の四半期更新</translation>
    </message>
    <message>
        <source>Why (kept in each destination&apos;s history):</source>
        <translation>理由（各移転先の履歴に残ります）:</translation>
    </message>
    <message>
        <source>&amp;Apply the import</source>
        <translation>インポートを適用(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n destination(s) changed</source>
        <translation>
            <numerusform>インポートしました: %n 件の移転先を変更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) flagged for re-assessment.</source>
        <translation>
            <numerusform>%n 件の移転を再評価の対象にしました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LawPracticePage</name>
    <message>
        <source>3 · Law and practice of the destination</source>
        <translation>3 · 移転先の法令と実務</translation>
    </message>
    <message>
        <source>Which government-access laws reach this importer and data, what happens in practice, and the step&apos;s conclusion.</source>
        <translation>どのガバメントアクセス関連法令がこのデータ輸入者とデータに及ぶか、実務上どうなっているか、そしてこのステップの結論。</translation>
    </message>
    <message>
        <source>Add a law you researched</source>
        <translation>調査した法令を追加</translation>
    </message>
    <message>
        <source>Name of the law (e.g. Cybercrime Prevention Act s.14)</source>
        <translation>法令の名称（例：サイバー犯罪防止法第14条）</translation>
    </message>
    <message>
        <source>Name of the law to add</source>
        <translation>追加する法令の名称</translation>
    </message>
    <message>
        <source>Official source (address of the text)</source>
        <translation>公式の出典（条文のアドレス）</translation>
    </message>
    <message>
        <source>Official source of the law to add</source>
        <translation>追加する法令の公式の出典</translation>
    </message>
    <message>
        <source>&amp;Problematic (fails the essential guarantees)</source>
        <translation>問題あり（本質的保障を満たさない）(&amp;P)</translation>
    </message>
    <message>
        <source>Add &amp;law</source>
        <translation>法令を追加(&amp;L)</translation>
    </message>
    <message>
        <source>Practical experience</source>
        <translation>実務上の経験</translation>
    </message>
    <message>
        <source>Requests received (or none) over a representative period, e.g. the importer&apos;s transparency reports</source>
        <translation>代表的な期間に受けた要請（又はその不存在）。例: データ輸入者の透明性レポート</translation>
    </message>
    <message>
        <source>&amp;Sources (one per line):</source>
        <translation>出典（1行に1件）(&amp;S):</translation>
    </message>
    <message>
        <source>Sources of the practical experience</source>
        <translation>実務上の経験の出典</translation>
    </message>
    <message>
        <source>Conclusion of this step</source>
        <translation>本ステップの結論</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>理由(&amp;W):</translation>
    </message>
    <message>
        <source>Reasoning of the step conclusion</source>
        <translation>本ステップの結論の理由</translation>
    </message>
    <message>
        <source>APPI: a foreign system makes it &amp;difficult for the importer to keep implementing the equivalent measures (stop the provision)</source>
        <translation>個人情報保護法: 外国の制度により、データ輸入者による相当措置の継続的な実施の確保が困難になった（提供を停止する）(&amp;D)</translation>
    </message>
    <message>
        <source>Sources on the &amp;destination&apos;s laws (one per line):</source>
        <translation>移転先の法令に関する情報源（1行に1件）(&amp;D):</translation>
    </message>
    <message>
        <source>Sources on the destination&apos;s laws</source>
        <translation>移転先の法令に関する情報源</translation>
    </message>
    <message>
        <source>Official texts, court decisions, authority reports consulted (EDPB Recommendations 01/2020, Annex 3)</source>
        <translation>参照した法令の公式テキスト、判決、当局の報告書（EDPB勧告01/2020 附属書3）</translation>
    </message>
    <message>
        <source>Evidence (e.g. transparency reports, legal opinions)</source>
        <translation>証跡（例: 透明性レポート、法律意見書）</translation>
    </message>
    <message>
        <source>e.g. Importer&apos;s transparency report 2025</source>
        <translation>例: データ輸入者の透明性レポート 2025年版</translation>
    </message>
    <message>
        <source>Added by the assessor</source>
        <translation>評価者が追加</translation>
    </message>
    <message>
        <source>Government-access laws of %1 in the country data (version %2): %3, of which %4 problematic.</source>
        <translation>国別データ（第%2版）にある %1 のガバメントアクセス関連法令: %3 件（うち問題のあるもの %4 件）。</translation>
    </message>
    <message>
        <source>The country data lists no government-access law for %1: research its laws, add each with its source below, or record the sources consulted.</source>
        <translation>国別データには%1のガバメントアクセスに関する法令がありません。その法令を調査し、下で出典とともに追加するか、参照した情報源を記録してください。</translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
        <translation>この移転では詳細な評価は不要です（事前確認を参照）。このステップは空欄のままでかまいません。</translation>
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
        <source>&amp;Import transfers…</source>
        <translation>移転をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export register…</source>
        <translation>台帳を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Verify a signed PDF…</source>
        <translation>署名済みPDFを検証(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;My settings…</source>
        <translation>個人設定(&amp;M)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
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
        <source>Applies after a restart of the tool</source>
        <translation>ツールの再起動後に反映されます</translation>
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
        <source>T&amp;rusted certificates…</source>
        <translation>信頼する証明書(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Organisation settings…</source>
        <translation>組織の設定(&amp;O)…</translation>
    </message>
    <message>
        <source>Privacy &amp;notice…</source>
        <translation>プライバシーポリシー（越境移転）(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>利用ガイド(&amp;U)</translation>
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
        <source>Not signed out: first finish in the window “%1”.</source>
        <translation>サインアウトしていません。先にウィンドウ「%1」での作業を終えてください。</translation>
    </message>
    <message>
        <source>Transfer tool — user guide</source>
        <translation>越境移転評価ツール — 利用ガイド</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>利用ガイド</translation>
    </message>
    <message>
        <source>The user guide could not be opened: %1</source>
        <translation>利用ガイドを開けませんでした: %1</translation>
    </message>
    <message>
        <source>The user guide opens in your web browser.</source>
        <translation>利用ガイドをWebブラウザーで開きます。</translation>
    </message>
    <message>
        <source>No web browser could be started. The user guide is this file: %1</source>
        <translation>Webブラウザーを起動できませんでした。利用ガイドは次のファイルです: %1</translation>
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
        <source>New transfer created: confirm each copied answer in its assessment.</source>
        <translation>新しい移転を作成しました。評価で複写された各回答を確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer tool(s) were not copied: the new exporter is not under their regime.</source>
        <translation>
            <numerusform>移転ツール %n 件は複写されませんでした。新しいデータ輸出者はその法制度の適用を受けません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassigned %n transfer(s)</source>
        <translation>
            <numerusform>移転 %n 件の担当者を変更しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Start re-assessment</source>
        <translation>再評価の開始</translation>
    </message>
    <message numerus="yes">
        <source>Start a new version for each of the %n selected transfer(s)? Each is pre-filled from its approved version; what the country-data change touched is reset or marked for you to confirm. Transfers without an approved version, or with a newer version in progress, are skipped.</source>
        <translation>
            <numerusform>選択した移転 %n 件のそれぞれについて新しい版を開始しますか。各版には承認済みの版の内容があらかじめ入力され、国別データの変更が影響する部分はリセットされるか、確認待ちの印が付きます。承認済みの版がない移転、及び新しい版が進行中の移転は対象外となります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new version(s) started</source>
        <translation>
            <numerusform>新しい版を %n 件開始しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: no approved version, or a newer version is already in progress (open it from the register).</source>
        <translation>
            <numerusform>%n 件は対象外です：承認済みの版がないか、新しい版が既に進行中です（移転台帳から開いてください）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n transfer(s)</source>
        <translation>
            <numerusform>移転 %n 件をインポートしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>台帳を書き出す</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excelブック (*.xlsx);;CSV UTF-8 (*.csv)</translation>
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
        <source>The language changes at the next start.</source>
        <translation>言語は次回の起動時に切り替わります。</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>4–5 · Supplementary measures and action plan</source>
        <translation>4–5 · 補完的措置と行動計画</translation>
    </message>
    <message>
        <source>Measures from the catalogue, rated for this transfer&apos;s use case; planned ones need an owner and a due date.</source>
        <translation>カタログの措置を、この移転のユースケースに照らして評価したものです。予定の措置には担当者と期限が必要です。</translation>
    </message>
    <message>
        <source>The data only &amp;transits the third country, encrypted end to end (use case 3)</source>
        <translation>データは第三国を経由するだけで、端末間で暗号化されている（ユースケース3）(&amp;T)</translation>
    </message>
    <message>
        <source>The importer&apos;s law &amp;protects this data from access, e.g. professional secrecy (use case 4)</source>
        <translation>データ輸入者の国の法律が、職業上の守秘義務などによりこのデータをアクセスから保護している（ユースケース4）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Split processing: no single importer can attribute the data to a person (use case 5)</source>
        <translation>分割処理: どのデータ輸入者も単独ではデータを個人に結び付けられない（ユースケース5）(&amp;S)</translation>
    </message>
    <message>
        <source>Use &amp;case where the facts leave it open:</source>
        <translation>事実から定まらない場合のユースケース(&amp;C):</translation>
    </message>
    <message>
        <source>— as the facts say —</source>
        <translation>— 事実に従う —</translation>
    </message>
    <message>
        <source>Why this use case fits</source>
        <translation>このユースケースが当てはまる理由</translation>
    </message>
    <message>
        <source>Why this use case fits (required with a choice)</source>
        <translation>このユースケースが当てはまる理由（選択した場合は必須）</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措置</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>For this transfer</source>
        <translation>この移転での効果</translation>
    </message>
    <message>
        <source>Catalogue of supplementary measures</source>
        <translation>補完的措置のカタログ</translation>
    </message>
    <message>
        <source>&amp;Add to the action plan</source>
        <translation>行動計画に追加(&amp;A)</translation>
    </message>
    <message>
        <source>Chosen measures (action plan)</source>
        <translation>選択した措置（行動計画）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>No measure chosen yet.</source>
        <translation>まだ措置が選択されていません。</translation>
    </message>
    <message>
        <source>Evidence (e.g. audit reports, certificates)</source>
        <translation>証跡（例: 監査報告書、認証書）</translation>
    </message>
    <message>
        <source>e.g. ISO 27001 certificate of the importer</source>
        <translation>例: データ輸入者の ISO 27001 認証書</translation>
    </message>
    <message>
        <source> · chosen</source>
        <translation> · 選択済み</translation>
    </message>
    <message>
        <source>This transfer&apos;s EDPB use case(s): %1</source>
        <translation>この移転のEDPBユースケース: %1</translation>
    </message>
    <message>
        <source> (your choice)</source>
        <translation>（評価者の選択）</translation>
    </message>
    <message>
        <source>No EDPB use case follows from the facts: pick the one that fits, with a reason.</source>
        <translation>事実からはEDPBのユースケースが定まりません。当てはまるものを理由とともに選んでください。</translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
        <translation>この移転では詳細な評価は不要です（事前確認を参照）。このステップは空欄のままでかまいません。</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>By recipient category (policy §9)</source>
        <translation>提供先の類型ごと（ポリシー第9項）</translation>
    </message>
    <message>
        <source>By purpose (policy §7)</source>
        <translation>利用目的ごと（ポリシー第7項）</translation>
    </message>
    <message>
        <source>&amp;Regime:</source>
        <translation>法制度(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Language of the notice:</source>
        <translation>通知の言語(&amp;L):</translation>
    </message>
    <message>
        <source>Gr&amp;oup destinations:</source>
        <translation>まとめ方(&amp;O):</translation>
    </message>
    <message>
        <source>Preview of the notice</source>
        <translation>通知のプレビュー</translation>
    </message>
    <message>
        <source>Re&amp;fresh preview</source>
        <translation>プレビューを更新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Generate and store</source>
        <translation>作成して保存(&amp;G)</translation>
    </message>
    <message>
        <source>Store this text with the register version it came from; the next diff compares with it.</source>
        <translation>この文面を作成元の台帳の版とともに保存します。次回の差分はこれと比較します。</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>公開(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <source>How people ask for copies and information</source>
        <translation>写しと情報提供の請求先</translation>
    </message>
    <message>
        <source>e.g. privacy@example.com（総務部）</source>
        <translation>例：privacy@example.com（総務部）</translation>
    </message>
    <message>
        <source>Save &amp;contact</source>
        <translation>請求先を保存(&amp;C)</translation>
    </message>
    <message>
        <source>In &amp;English:</source>
        <translation>英語(&amp;E):</translation>
    </message>
    <message>
        <source>In &amp;Japanese:</source>
        <translation>日本語(&amp;J):</translation>
    </message>
    <message>
        <source>Name in notices</source>
        <translation>通知での名称の表示</translation>
    </message>
    <message>
        <source>By its name</source>
        <translation>名称を表示</translation>
    </message>
    <message>
        <source>By its recipient category (policy §9)</source>
        <translation>提供先の類型で表示（ポリシー第9項）</translation>
    </message>
    <message>
        <source>Not at all (the country only)</source>
        <translation>表示しない（国名のみ）</translation>
    </message>
    <message>
        <source>Save the se&amp;tting</source>
        <translation>設定を保存(&amp;T)</translation>
    </message>
    <message>
        <source>A recipient is named only when you allow it; otherwise its category is shown.</source>
        <translation>提供先の名称は、許可した場合にのみ表示されます。それ以外は類型が表示されます。</translation>
    </message>
    <message>
        <source>Edit the entity…</source>
        <translation>法人を編集…</translation>
    </message>
    <message>
        <source>Remove the entity…</source>
        <translation>法人を削除…</translation>
    </message>
    <message>
        <source>E&amp;ntity:</source>
        <translation>事業者(&amp;N):</translation>
    </message>
    <message>
        <source>Shown &amp;by:</source>
        <translation>表示方法(&amp;B):</translation>
    </message>
    <message>
        <source>Answer a request (APPI Art. 28(3))</source>
        <translation>本人の求めへの回答（個人情報保護法第28条第3項）</translation>
    </message>
    <message>
        <source>e.g. TR-000001</source>
        <translation>例：TR-000001</translation>
    </message>
    <message>
        <source>&amp;Write the answer…</source>
        <translation>回答を作成(&amp;W)…</translation>
    </message>
    <message>
        <source>The seven items of PPC Rules Art. 18(3) for a transfer relying on equivalent measures, in the notice&apos;s language.</source>
        <translation>相当措置に基づく提供について、施行規則第18条第3項の7項目を通知の言語で作成します。</translation>
    </message>
    <message>
        <source>Tr&amp;ansfer:</source>
        <translation>移転(&amp;A):</translation>
    </message>
    <message>
        <source>Approved transfers: %1 · planned: %2 · country data %3</source>
        <translation>承認済みの移転：%1 件 · 予定：%2 件 · 国別データ %3</translation>
    </message>
    <message>
        <source>Stored as generation %1. Check it, then publish it.</source>
        <translation>第 %1 版として保存しました。確認してから公開してください。</translation>
    </message>
    <message>
        <source>Generate the notice first; what is published is a stored generation.</source>
        <translation>先に通知を作成してください。公開できるのは保存した版です。</translation>
    </message>
    <message>
        <source>Shown as published; “Save as…” writes this text.</source>
        <translation>公開した通知の本文を表示しています。「名前を付けて保存…」でこの本文を書き出します。</translation>
    </message>
    <message>
        <source>Not published: verify the country data or re-assess the transfers, then generate again.</source>
        <translation>公開していません。国別データを検証するか移転を再評価してから、もう一度作成してください。</translation>
    </message>
    <message>
        <source>Published: the next preview shows what changed since this notice.</source>
        <translation>公開しました。次回のプレビューでは、この通知からの変更が表示されます。</translation>
    </message>
    <message>
        <source>Saved. The preview shows the entity as set.</source>
        <translation>保存しました。プレビューには設定どおりに表示されます。</translation>
    </message>
    <message>
        <source>The contact text is saved.</source>
        <translation>請求先を保存しました。</translation>
    </message>
    <message>
        <source>Enter the transfer&apos;s reference, e.g. TR-000001.</source>
        <translation>移転の管理番号を入力してください（例：TR-000001）。</translation>
    </message>
    <message>
        <source>Save the answer</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>通知を保存</translation>
    </message>
    <message>
        <source>Word (*.docx);;HTML (*.html);;Markdown (*.md)</source>
        <translation>Word (*.docx);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Publish with items not checked?</source>
        <translation>確認していない項目があるまま公開しますか？</translation>
    </message>
    <message>
        <source>This notice rests on country data that is unverified or missing, or on transfers to re-assess:

%1

Publish it anyway? Your acceptance is recorded with the notice.</source>
        <translation>この通知は、未検証の若しくは欠けている国別データ、又は再評価すべき移転に基づいています：

%1

それでも公開しますか？ 承諾したことは通知とともに記録されます。</translation>
    </message>
    <message>
        <source>e.g. privacy@example.com (Legal)</source>
        <translation>例：privacy@example.com (Legal)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another file.</source>
        <translation>%1 に書き込めません：%2。別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>OnwardDialog</name>
    <message>
        <source>Add an onward transfer</source>
        <translation>再移転を追加</translation>
    </message>
    <message>
        <source>The importer passes the data on to a sub-recipient. The onward transfer is recorded as a transfer of its own (same data, purposes and retention) and needs its own assessment.</source>
        <translation>データ輸入者がデータを再提供先に提供します。再移転は独立した移転（データ、利用目的、保存期間は同じ）として記録され、個別の評価が必要です。</translation>
    </message>
    <message>
        <source>Sub-recipient</source>
        <translation>再提供先</translation>
    </message>
    <message>
        <source>&amp;Sub-recipient:</source>
        <translation>再提供先(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>国・地域(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>This onward transfer is not added. Discard what you entered?</source>
        <translation>この再移転はまだ追加されていません。入力した内容を破棄しますか？</translation>
    </message>
    <message>
        <source>say what the sub-recipient does with the data</source>
        <translation>再提供先がデータをどう取り扱うかを記入してください</translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation>再移転</translation>
    </message>
</context>
<context>
    <name>OrgSettingsPage</name>
    <message>
        <source>Organisation settings</source>
        <translation>組織の設定</translation>
    </message>
    <message>
        <source>Shown in each report&apos;s header (empty: the exporter&apos;s name)</source>
        <translation>各レポートのヘッダーに表示（空欄: データ輸出者の名称）</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <source>Single-user mode: one person may assess and approve</source>
        <translation>単独ユーザーモード: 一人で評価と承認ができる</translation>
    </message>
    <message>
        <source>Warning: this turns off the four-eyes rule. Use it only where nobody else can review. Reports approved by their own assessor say so on the sign-off page.</source>
        <translation>警告: 四つの目の原則が無効になります。他にレビューできる人がいない場合にのみ使用してください。評価者自身が承認したレポートには、承認ページにその旨が記載されます。</translation>
    </message>
    <message>
        <source>The data importer co-adopts each assessment (named on the sign-off page)</source>
        <translation>データ輸入者が各評価を共同で採択する（承認ページに記載）</translation>
    </message>
    <message>
        <source>The acceptable probability of prohibited access over an assessment&apos;s period.</source>
        <translation>評価期間中に許容される、許容されないアクセスの発生確率。</translation>
    </message>
    <message>
        <source>An RFC 3161 time-stamping service proves when a report was signed. Leave empty to sign without a timestamp (the time is then the signer&apos;s own clock).</source>
        <translation>RFC 3161 タイムスタンプサービスにより、レポートに署名した日時を証明します。空欄の場合はタイムスタンプなしで署名します（日時は署名者のコンピューターの時計によります）。</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>組織名:</translation>
    </message>
    <message>
        <source>Risk threshold:</source>
        <translation>リスクのしきい値:</translation>
    </message>
    <message>
        <source>Re-evaluate approved assessments every:</source>
        <translation>承認済み評価の再評価の間隔:</translation>
    </message>
    <message>
        <source>Timestamp server (URL):</source>
        <translation>タイムスタンプサーバー（URL）:</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>設定を保存(&amp;S)</translation>
    </message>
    <message>
        <source>The organisation settings are saved.</source>
        <translation>組織の設定を保存しました。</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>1 · Know your transfer: parties and destination</source>
        <translation>1 · 移転の把握: 当事者と移転先</translation>
    </message>
    <message>
        <source>Who sends the personal data, who receives it, in what role, and where it goes.</source>
        <translation>誰が個人データを送り、誰がどの役割で受け取り、どこへ移転するか。</translation>
    </message>
    <message>
        <source>e.g. Customer support platform</source>
        <translation>例: カスタマーサポート基盤</translation>
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
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <source>E&amp;xporter:</source>
        <translation>データ輸出者(&amp;X):</translation>
    </message>
    <message>
        <source>Exporter&apos;s &amp;role:</source>
        <translation>データ輸出者の役割(&amp;R):</translation>
    </message>
    <message>
        <source>I&amp;mporter:</source>
        <translation>データ輸入者(&amp;M):</translation>
    </message>
    <message>
        <source>Importer&apos;s r&amp;ole:</source>
        <translation>データ輸入者の役割(&amp;O):</translation>
    </message>
    <message>
        <source>Recipient t&amp;ype:</source>
        <translation>提供先の種類(&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;Destination (search in English or Japanese):</source>
        <translation>移転先（日本語・英語で検索）(&amp;D):</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Destination: search</source>
        <translation>移転先: 検索</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <source>These roles mean EU SCC Module %1 where the EU SCCs are used.</source>
        <translation>EUのSCCを用いる場合、この役割の組合せはモジュール%1に当たります。</translation>
    </message>
</context>
<context>
    <name>PdfPagesView</name>
    <message>
        <source>No document to show.</source>
        <translation>表示する文書がありません。</translation>
    </message>
    <message>
        <source>Rendering the document…</source>
        <translation>文書を表示しています…</translation>
    </message>
    <message>
        <source>This file cannot be shown: it is not a readable PDF.</source>
        <translation>このファイルは表示できません。読み取れるPDFではありません。</translation>
    </message>
</context>
<context>
    <name>PrecheckPage</name>
    <message>
        <source>1 · Pre-check: is this a transfer, under which regimes?</source>
        <translation>1 · 事前確認: 移転に当たるか、どの法制度の下か</translation>
    </message>
    <message>
        <source>The exporter&apos;s country decides the regimes; add one with a reason where it also applies. Adequacy routes need only a short record.</source>
        <translation>適用される法制度はデータ輸出者の国・地域で決まります。ほかにも適用される法制度があれば、理由を添えて追加してください。十分性認定による移転は簡易記録で足ります。</translation>
    </message>
    <message>
        <source>Circumstances that decide the pre-check</source>
        <translation>事前確認を左右する事情</translation>
    </message>
    <message>
        <source>The exporter is a processor re&amp;turning the data to the controller that gave it</source>
        <translation>データ輸出者は、データを提供した管理者にデータを返送する処理者である(&amp;T)</translation>
    </message>
    <message>
        <source>The importer&apos;s own processing is subject to the &amp;GDPR (Art. 3(2))</source>
        <translation>データ輸入者自身の処理がGDPRの適用を受ける（第3条第2項）(&amp;G)</translation>
    </message>
    <message>
        <source>Scope of the adequacy decision</source>
        <translation>十分性認定の適用範囲</translation>
    </message>
    <message>
        <source>Conditions of a partial adequacy</source>
        <translation>部分的な十分性認定の条件</translation>
    </message>
    <message>
        <source>Regimes added by the assessor</source>
        <translation>評価者が追加した法制度</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Regime to add</source>
        <translation>追加する法制度</translation>
    </message>
    <message>
        <source>Why it applies (e.g. GDPR Art. 3(2): we offer goods to people in the EU)</source>
        <translation>適用される理由（例: GDPR第3条第2項 — EU域内の個人へ商品を提供）</translation>
    </message>
    <message>
        <source>Why the regime applies</source>
        <translation>法制度が適用される理由</translation>
    </message>
    <message>
        <source>A&amp;dd regime</source>
        <translation>法制度を追加(&amp;D)</translation>
    </message>
    <message>
        <source>Add &amp;regime:</source>
        <translation>法制度を追加(&amp;R):</translation>
    </message>
    <message>
        <source>Why %1 applies</source>
        <translation>%1 が適用される理由</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Complete the transfer first.</source>
        <translation>先に移転の内容を入力してください。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Regimes that govern the exporter (%1): %2</source>
        <translation>データ輸出者（%1）に適用される法制度: %2</translation>
    </message>
    <message>
        <source>No regime applies to the exporter. Add one below if a regime applies for another reason.</source>
        <translation>データ輸出者に適用される法制度はありません。別の理由で適用される法制度があれば、下で追加してください。</translation>
    </message>
    <message>
        <source>This is not a transfer under any applicable regime: no transfer tool or assessment is needed.</source>
        <translation>いずれの法制度の下でも移転に当たりません。移転手段も評価も不要です。</translation>
    </message>
    <message>
        <source>This is a transfer under %1. A full assessment is needed (steps 3 to 6).</source>
        <translation>%1 の下での移転に当たります。詳細な評価が必要です（ステップ3〜6）。</translation>
    </message>
    <message>
        <source>This is a transfer under %1, covered by adequacy, a derogation or consent: a short record and monitoring are enough (steps 3 to 6 may stay empty).</source>
        <translation>%1 の下での移転に当たりますが、十分性認定、例外規定又は本人の同意によるものです。簡易記録と継続的な確認で足ります（ステップ3〜6は空欄でかまいません）。</translation>
    </message>
    <message>
        <source>UNVERIFIED country data: check the source</source>
        <translation>国別データ未検証：出典を確認してください</translation>
    </message>
    <message>
        <source>%1: the partial adequacy covers only certified organisations; the importer is not recorded as certified (record its certification on the entity).</source>
        <translation>%1: 部分的な十分性認定は認証を受けた組織のみが対象ですが、データ輸入者は認証ありとして記録されていません（法人の情報に認証を記録してください）。</translation>
    </message>
    <message>
        <source>Confirm the condition for this importer, or choose another tool in the next step.</source>
        <translation>このデータ輸入者について条件を確認するか、次のステップで別の移転手段を選んでください。</translation>
    </message>
    <message>
        <source>None for this destination.</source>
        <translation>この移転先にはありません。</translation>
    </message>
    <message>
        <source>How the condition is met for this importer</source>
        <translation>このデータ輸入者が条件を満たす根拠</translation>
    </message>
    <message>
        <source>Confirmation of the condition under %1</source>
        <translation>%1 の下での条件の確認</translation>
    </message>
</context>
<context>
    <name>PublicPowersQuestion</name>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>Does the exporter, for this transfer, act as a &amp;public authority exercising its public powers?</source>
        <translation>データ輸出者は、この移転について、公権力を行使する公的機関として行動していますか(&amp;P)</translation>
    </message>
    <message>
        <source>Answer Yes when a public body sends the data as part of exercising powers the law gives it (for example a tax authority sharing tax records with a foreign tax authority). The law then does not let it rely on the data subject&apos;s consent, on a contract, or on compelling legitimate interests (GDPR and UK GDPR Art. 49(3)); the other exceptions, such as important reasons of public interest, stay available. Answer No for a company, and for a public body whose transfer is not part of exercising its public powers.</source>
        <translation>公的機関が法律により与えられた権限の行使としてデータを送る場合は「はい」と回答してください（例：税務当局が外国の税務当局に課税記録を提供する場合）。この場合、法律上、本人の同意、契約又はやむを得ない正当な利益に依拠することはできません（GDPR及び英国GDPRの第49条第3項）。公共の利益のための重要な理由などその他の例外は引き続き利用できます。企業の場合、及び公的機関であっても移転が公権力の行使の一部でない場合は「いいえ」と回答してください。</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign transfers</source>
        <translation>担当者の変更</translation>
    </message>
    <message numerus="yes">
        <source>Hand %n selected transfer(s) over to another responsible person.</source>
        <translation>
            <numerusform>選択した移転 %n 件を別の担当者に引き継ぎます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation>なし（未割当て）</translation>
    </message>
    <message>
        <source>&amp;Responsible person:</source>
        <translation>担当者(&amp;R)：</translation>
    </message>
    <message numerus="yes">
        <source>Reassign %n transfer(s)</source>
        <translation>
            <numerusform>移転 %n 件の担当者を変更</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was reassigned</source>
        <translation>担当者は変更されていません</translation>
    </message>
</context>
<context>
    <name>RegisterFiles</name>
    <message>
        <source>Import transfers</source>
        <translation>移転のインポート</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;All files (*)</source>
        <translation>台帳 (*.xlsx *.csv);;Excelブック (*.xlsx);;CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 is %2 MB; the limit is 20 MB. Split it and import the parts.</source>
        <translation>%1 は %2 MB です。上限は 20 MB です。分割して、それぞれをインポートしてください。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
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
        <source>Responsible person filter</source>
        <translation>担当者フィルター</translation>
    </message>
    <message>
        <source>Transfers a person is responsible for</source>
        <translation>特定の担当者が担当する移転</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>全員の移転</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割当て</translation>
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
        <source>New transfer from this one…</source>
        <translation>この移転から新規作成…</translation>
    </message>
    <message>
        <source>A new transfer with this one&apos;s data and answers, each to confirm; other parties possible</source>
        <translation>この移転のデータと回答を引き継いだ新しい移転（各回答は要確認。相手方の変更も可能）</translation>
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
    <message numerus="yes">
        <source>Export %n transfer(s)…</source>
        <translation>
            <numerusform>移転 %n 件をエクスポート…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start re-assessment of %n transfer(s)…</source>
        <translation>
            <numerusform>移転 %n 件の再評価を開始…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassign %n transfer(s)…</source>
        <translation>
            <numerusform>移転 %n 件の担当者を変更…</numerusform>
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
        <source>Responsible</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation>なし（未割当て）</translation>
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
        <source>Not given in the import</source>
        <translation>インポートで未記載</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) assumed, to confirm in the assessment</source>
        <translation>
            <numerusform>%n 件の回答を仮定（評価で確認）</numerusform>
        </translation>
    </message>
    <message>
        <source>The destination&apos;s data changed.</source>
        <translation>移転先のデータが変更されました。</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>移転先</translation>
    </message>
    <message>
        <source>Exporter → importer</source>
        <translation>データ輸出者 → データ輸入者</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>評価者</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出日</translation>
    </message>
    <message>
        <source>You assessed this one: another manager must approve it (four eyes).</source>
        <translation>あなたが評価したものです。別のマネージャーが承認する必要があります（四つの目の原則）。</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（あなた）</translation>
    </message>
</context>
<context>
    <name>ReviewSections</name>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Parties and destination (step 1)</source>
        <translation>当事者と移転先（ステップ1）</translation>
    </message>
    <message>
        <source>Personal data (step 1)</source>
        <translation>個人データ（ステップ1）</translation>
    </message>
    <message>
        <source>Handling and onward transfers (step 1)</source>
        <translation>取扱いと再移転（ステップ1）</translation>
    </message>
    <message>
        <source>Transfer description (step 1)</source>
        <translation>移転の記述（ステップ1）</translation>
    </message>
    <message>
        <source>Regimes and pre-check</source>
        <translation>適用される制度と事前確認</translation>
    </message>
    <message>
        <source>Transfer tool (step 2)</source>
        <translation>移転手段（ステップ2）</translation>
    </message>
    <message>
        <source>Law and practice (step 3)</source>
        <translation>移転先の法令と実務（ステップ3）</translation>
    </message>
    <message>
        <source>Supplementary measures (step 4)</source>
        <translation>補完的措置（ステップ4）</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行動計画</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>リスク</translation>
    </message>
    <message>
        <source>Conclusion and re-evaluation</source>
        <translation>結論と再評価</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>証跡</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review and approval — Transfer tool</source>
        <translation>レビューと承認 — 越境移転評価ツール</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>最新の情報に更新(&amp;F)</translation>
    </message>
    <message>
        <source>Assessments awaiting review</source>
        <translation>レビュー待ちの評価</translation>
    </message>
    <message>
        <source>Choose an assessment in the list to read its report.</source>
        <translation>一覧から評価を選ぶと、そのレポートが表示されます。</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>レポートの言語:</translation>
    </message>
    <message>
        <source>Return with comments</source>
        <translation>コメントを付けて差戻し</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>承認して署名</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s) awaiting review</source>
        <translation>
            <numerusform>レビュー待ちの評価: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>The assessment you chose is no longer awaiting review: another reviewer approved or returned it meanwhile.</source>
        <translation>選択した評価はもうレビュー待ちではありません。その間に別のレビュー者が承認または差し戻しました。</translation>
    </message>
    <message>
        <source>No assessment is waiting for your review.</source>
        <translation>レビュー待ちの評価はありません。</translation>
    </message>
    <message>
        <source>Review is not available</source>
        <translation>レビューは利用できません</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) for %1 are not sent to the assessor yet.</source>
        <translation>
            <numerusform>%1 へのコメント %n 件がまだ評価者に送られていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>To send them, keep editing and choose Return to the assessor. Discard drops them.</source>
        <translation>送るには、編集を続けて「評価者に差戻し」を選んでください。「変更を破棄」を選ぶとコメントは失われます。</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>編集を続ける</translation>
    </message>
    <message>
        <source>%1 v%2 — %3</source>
        <translation>%1 第%2版 — %3</translation>
    </message>
    <message>
        <source>The country data changed after this version was submitted: %1 Approving it leaves %2 flagged for re-assessment. To have it re-assessed now, return it with comments.</source>
        <translation>この版の提出後に国別データが変更されました：%1 この版を承認しても、%2 は再評価の対象のまま残ります。今すぐ再評価させるには、コメントを付けて差戻してください。</translation>
    </message>
    <message>
        <source>What changed since v%1 (%2)</source>
        <translation>第%1版からの変更点（%2）</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>レポートを準備しています…</translation>
    </message>
    <message>
        <source>What changed (could not be read)</source>
        <translation>変更点（読み込めませんでした）</translation>
    </message>
    <message>
        <source>The report could not be prepared: %1</source>
        <translation>レポートを準備できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 v%2 was returned to the assessor with your comments.</source>
        <translation>%1 第%2版をコメントを付けて評価者に差戻しました。</translation>
    </message>
    <message>
        <source>%1 v%2 is approved. The signed report is stored with the assessment and shown here with your signature.</source>
        <translation>%1 第%2版を承認しました。署名済みレポートは評価とともに保存され、あなたの署名付きでここに表示されています。</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>署名済み</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>承認されていません: %1</translation>
    </message>
    <message>
        <source>Save the signed PDF</source>
        <translation>署名済みPDFを保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>ファイルを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>Wait until the approval has finished.</source>
        <translation>承認の処理が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Your role may not approve or return assessments. Ask an administrator if you need to.</source>
        <translation>あなたの役割では評価の承認や差戻しはできません。必要な場合はシステム管理者に依頼してください。</translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <source>Chart: probability of access over the period, against the threshold</source>
        <translation>グラフ: 評価期間中のアクセスの確率と許容閾値</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>結果はまだありません</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>許容閾値 %1</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>6 · Quantified risk (optional)</source>
        <translation>6 · 定量的リスク評価（任意）</translation>
    </message>
    <message>
        <source>The probability of prohibited access over the assessment period, per problematic law, each factor justified.</source>
        <translation>評価期間中に許容されないアクセスが発生する確率を、問題のある法令ごとに、各要素の根拠を示して算定します。</translation>
    </message>
    <message>
        <source>&amp;Quantify the risk of prohibited access for this transfer</source>
        <translation>この移転について許容されないアクセスのリスクを定量的に評価する(&amp;Q)</translation>
    </message>
    <message>
        <source>Quantify the risk</source>
        <translation>リスクを定量的に評価する</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Set by an administrator in the organisation settings</source>
        <translation>管理者が組織の設定で定めます</translation>
    </message>
    <message>
        <source>&amp;Factors mean:</source>
        <translation>要素の意味(&amp;F):</translation>
    </message>
    <message>
        <source>Assessment &amp;period:</source>
        <translation>評価期間(&amp;P):</translation>
    </message>
    <message>
        <source>Acceptance &amp;threshold:</source>
        <translation>許容閾値(&amp;T):</translation>
    </message>
    <message>
        <source>Problematic law to add</source>
        <translation>追加する問題のある法令</translation>
    </message>
    <message>
        <source>A&amp;dd law</source>
        <translation>法令を追加(&amp;D)</translation>
    </message>
    <message>
        <source>Add a problematic law:</source>
        <translation>問題のある法令を追加:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Risk result</source>
        <translation>リスク評価の結果</translation>
    </message>
    <message>
        <source>Not quantified. Tick the box above to estimate the risk.</source>
        <translation>定量的評価は行っていません。リスクを見積もるには上のチェックボックスをオンにしてください。</translation>
    </message>
    <message>
        <source>No result yet: %1</source>
        <translation>結果はまだありません: %1</translation>
    </message>
    <message>
        <source>Probability of prohibited access over %1 years: %2</source>
        <translation>%1 年間に許容されないアクセスが発生する確率: %2</translation>
    </message>
    <message>
        <source>Yearly: %1</source>
        <translation>年率: %1</translation>
    </message>
    <message>
        <source>Once every %1 years</source>
        <translation>%1 年に1回</translation>
    </message>
    <message>
        <source>Never (probability zero)</source>
        <translation>発生しない（確率ゼロ）</translation>
    </message>
    <message>
        <source>No threshold set: set the organisation&apos;s acceptance threshold.</source>
        <translation>許容閾値が設定されていません。組織の設定で許容閾値を設定してください。</translation>
    </message>
    <message>
        <source>ABOVE the threshold of %1: not acceptable.</source>
        <translation>許容閾値 %1 を超過: 許容できません。</translation>
    </message>
    <message>
        <source>Below the threshold of %1: acceptable.</source>
        <translation>許容閾値 %1 未満: 許容できます。</translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
        <translation>この移転では詳細な評価は不要です（事前確認を参照）。このステップは空欄のままでかまいません。</translation>
    </message>
</context>
<context>
    <name>ScopeQuestions</name>
    <message>
        <source>None for this destination.</source>
        <translation>この移転先にはありません。</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>since (YYYY-MM-DD), optional</source>
        <translation>いつから（YYYY-MM-DD、任意）</translation>
    </message>
    <message>
        <source>Since when (%1)</source>
        <translation>いつから（%1）</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>システム管理者アカウントの作成</translation>
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
        <translation>このデータベースでの初回起動です。システム管理者のアカウントを作成してください。システム管理者はユーザー、国別データ、カタログを管理します。</translation>
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
    <name>SummaryPage</name>
    <message>
        <source>Summary, submission and report</source>
        <translation>概要、提出とレポート</translation>
    </message>
    <message>
        <source>What is still missing, submission for review, and the PDF report.</source>
        <translation>未入力の項目、レビューへの提出、PDFレポート。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Overview of the assessment</source>
        <translation>評価の概要</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comments to deal with</source>
        <translation>対応が必要なレビュー担当者のコメント</translation>
    </message>
    <message>
        <source>Reviewer&apos;s open comments: activate one to go to its page</source>
        <translation>未対応のレビューコメント: 選択すると該当の画面に移動します</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>入力状況</translation>
    </message>
    <message>
        <source>Missing items: activate one to go to its page</source>
        <translation>未入力の項目（選ぶとそのページに移動します）</translation>
    </message>
    <message>
        <source>I have checked the copied answers</source>
        <translation>複写された回答を確認しました</translation>
    </message>
    <message>
        <source>Confirms every answer marked as copied from another assessment; check each one first</source>
        <translation>他の評価から複写された印のある回答をすべて確定します。先に各回答を確認してください</translation>
    </message>
    <message>
        <source>&amp;Submit for review</source>
        <translation>レビューに提出(&amp;S)</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>レポートの言語</translation>
    </message>
    <message>
        <source>&amp;Generate PDF…</source>
        <translation>PDFを作成(&amp;G)…</translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation>Wordで書き出す(&amp;W)…</translation>
    </message>
    <message>
        <source>A Word draft for counsel&apos;s mark-up; the signed PDF stays the record</source>
        <translation>弁護士の修正・コメント用のWord下書きです。正式な記録は署名済みPDFです</translation>
    </message>
    <message>
        <source>Report in:</source>
        <translation>レポートの言語:</translation>
    </message>
    <message>
        <source>Generating the PDF</source>
        <translation>PDFを作成中</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>不足している項目はありません。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is missing. %n reviewer comment(s) above are still open: deal with each before submitting (submitting marks them as answered).</source>
        <translation>
            <numerusform>不足している項目はありません。上のレビューコメント %n 件が未対応です。提出前にそれぞれ対応してください（提出すると対応済みになります）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is missing: the assessment can be submitted.</source>
        <translation>未入力の項目はありません。評価を提出できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to complete before submitting; activate one to go to its page.</source>
        <translation>
            <numerusform>提出前に入力が必要な項目が %n 件あります。選ぶとそのページに移動します。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, version %2 — %3</source>
        <translation>%1 第%2版 — %3</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 から %2 へ</translation>
    </message>
    <message>
        <source>Destination: %1 (%2)</source>
        <translation>移転先: %1（%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>A transfer under: %1</source>
        <translation>移転に当たる法制度: %1</translation>
    </message>
    <message>
        <source>Full assessment needed</source>
        <translation>詳細な評価が必要</translation>
    </message>
    <message>
        <source>Short record</source>
        <translation>簡易記録</translation>
    </message>
    <message>
        <source>Tool (%1): %2</source>
        <translation>移転手段（%1）: %2</translation>
    </message>
    <message>
        <source>Step 3: %1</source>
        <translation>ステップ3: %1</translation>
    </message>
    <message>
        <source>Measures chosen: %1</source>
        <translation>選択した措置: %1 件</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>推奨: %1</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>選択: %1</translation>
    </message>
    <message>
        <source>Evidence files: %1</source>
        <translation>証跡ファイル: %1 件</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>レビュー中</translation>
    </message>
    <message>
        <source>returned with comments</source>
        <translation>コメント付きで差戻し</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Submitted for review. A manager will approve it or return it with comments; until then it is read-only.</source>
        <translation>レビューに提出しました。マネージャーが承認するか、コメントを付けて差し戻します。それまでは閲覧のみです。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提出</translation>
    </message>
    <message>
        <source>Generating the PDF…</source>
        <translation>PDFを作成しています…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was generated but not saved.</source>
        <translation>PDFは作成されましたが、保存されていません。</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Saved to %1. &lt;a href=&quot;%2&quot;&gt;Open the PDF&lt;/a&gt;</source>
        <translation>%1 に保存しました。&lt;a href=&quot;%2&quot;&gt;PDFを開く&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Writing the Word draft…</source>
        <translation>Word下書きを作成しています…</translation>
    </message>
    <message>
        <source>Export as Word</source>
        <translation>Wordで書き出す</translation>
    </message>
    <message>
        <source>Save the Word draft</source>
        <translation>Word下書きを保存</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word文書 (*.docx)</translation>
    </message>
    <message>
        <source>The Word draft was not saved.</source>
        <translation>Word下書きは保存されていません。</translation>
    </message>
    <message>
        <source>Saved the Word draft to %1 (the signed PDF stays the record). &lt;a href=&quot;%2&quot;&gt;Open it&lt;/a&gt;</source>
        <translation>Word下書きを %1 に保存しました（正式な記録は署名済みPDFです）。&lt;a href=&quot;%2&quot;&gt;開く&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The PDF could not be generated.</source>
        <translation>PDFを作成できませんでした。</translation>
    </message>
    <message>
        <source>Generate PDF</source>
        <translation>PDFを作成</translation>
    </message>
</context>
<context>
    <name>ToolPage</name>
    <message>
        <source>2 · Transfer tool</source>
        <translation>2 · 移転手段</translation>
    </message>
    <message>
        <source>For each regime under which this is a transfer: the destination&apos;s status, the fitting tools, and your choice.</source>
        <translation>移転に当たる法制度ごとに、移転先の状況、利用できる移転手段、選択した手段を示します。</translation>
    </message>
    <message>
        <source>This is not a transfer under any applicable regime: no tool is needed.</source>
        <translation>いずれの法制度の下でも移転に当たりません。移転手段は不要です。</translation>
    </message>
    <message>
        <source>The &amp;country cannot be identified when consent is obtained</source>
        <translation>同意取得時に移転先の国を特定できない(&amp;C)</translation>
    </message>
    <message>
        <source>The recipient&apos;s &amp;measures cannot be described</source>
        <translation>提供先が講ずる措置の情報を提供できない(&amp;M)</translation>
    </message>
    <message>
        <source>Why the country cannot be identified</source>
        <translation>国を特定できない理由</translation>
    </message>
    <message>
        <source>Why the country cannot be identified (Art. 17(3))</source>
        <translation>国を特定できない理由（規則第17条第3項）</translation>
    </message>
    <message>
        <source>Information that serves as a reference instead</source>
        <translation>代わりに参考となる情報</translation>
    </message>
    <message>
        <source>Information that serves as a reference instead, if any</source>
        <translation>代わりに参考となる情報（あれば）</translation>
    </message>
    <message>
        <source>Why the recipient&apos;s measures cannot be described</source>
        <translation>提供先の措置の情報を提供できない理由</translation>
    </message>
    <message>
        <source>Why the recipient&apos;s measures cannot be described (Art. 17(4))</source>
        <translation>提供先の措置の情報を提供できない理由（規則第17条第4項）</translation>
    </message>
    <message>
        <source>Evidence (e.g. the signed clauses)</source>
        <translation>証跡（例: 締結済みの契約条項）</translation>
    </message>
    <message>
        <source>e.g. Signed SCC Module 2</source>
        <translation>例: 締結済みのSCC モジュール2</translation>
    </message>
    <message>
        <source>APPI consent (Art. 28(2)): the information to give the data subject before consent</source>
        <translation>本人の同意（個人情報保護法第28条第2項）: 同意を得る前に本人に提供すべき情報</translation>
    </message>
    <message>
        <source> — this is the chosen route</source>
        <translation> — 選択した方法です</translation>
    </message>
    <message>
        <source> — if you choose the consent route</source>
        <translation> — 本人の同意による場合</translation>
    </message>
    <message>
        <source>(i) Country: %1 / %2</source>
        <translation>(i) 外国の名称: %1 / %2</translation>
    </message>
    <message>
        <source>(i) Country: not yet identified (PPC Rules Art. 17(3)): say why and what serves as a reference</source>
        <translation>(i) 国：特定できない（規則第17条第3項）。その理由と参考となる情報を記載してください</translation>
    </message>
    <message>
        <source>(ii) Its personal-information protection system: %1</source>
        <translation>(ii) 当該外国における個人情報の保護に関する制度: %1</translation>
    </message>
    <message>
        <source>(iii) The recipient&apos;s measures: %1</source>
        <translation>(iii) 当該第三者が講ずる個人情報の保護のための措置: %1</translation>
    </message>
    <message>
        <source>describe them under Justification (the person who consents is told them)</source>
        <translation>「選択理由」欄に記入してください（同意する本人に伝えられます）</translation>
    </message>
    <message>
        <source>Missing from the country data: %1</source>
        <translation>国別データに不足している情報: %1</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>A signed report verifies as trusted only when its signer&apos;s certificate, or the CA that issued it, is in this list. Each manager exports their certificate from My settings.</source>
        <translation>署名済みレポートが「信頼できる」と検証されるのは、署名者の証明書またはその発行元の認証局がこの一覧にある場合だけです。各マネージャーは個人設定から自分の証明書をエクスポートします。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>追加した人</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>信頼する証明書</translation>
    </message>
    <message>
        <source>&amp;Remove from the list…</source>
        <translation>一覧から削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Trust a certificate</source>
        <translation>証明書を信頼する</translation>
    </message>
    <message>
        <source>Whose is it? e.g. &apos;Taro Yamada, DPO&apos;</source>
        <translation>誰の証明書ですか？ 例:「山田 太郎（DPO）」</translation>
    </message>
    <message>
        <source>Nobody here (a CA or an outside signer)</source>
        <translation>該当者なし（認証局または外部の署名者）</translation>
    </message>
    <message>
        <source>&amp;Add from a file…</source>
        <translation>ファイルから追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>表示名:</translation>
    </message>
    <message>
        <source>Own certificate of:</source>
        <translation>本人の証明書：</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（期限切れ）</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>証明書を選択</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Signatures by %1 are now trusted.</source>
        <translation>%1 による署名を信頼するようになりました。</translation>
    </message>
    <message>
        <source>Stop trusting this certificate?</source>
        <translation>この証明書の信頼を取り消しますか？</translation>
    </message>
    <message>
        <source>Reports signed with &apos;%1&apos; will verify as untrusted from now on. The certificate stays in the audit trail. Remove it from the list?</source>
        <translation>今後、「%1」で署名されたレポートは「信頼できない」と検証されます。証明書は監査記録に残ります。一覧から削除しますか？</translation>
    </message>
    <message>
        <source>Removed %1 from the list.</source>
        <translation>%1 を一覧から削除しました。</translation>
    </message>
</context>
<context>
    <name>UserSettingsDialog</name>
    <message>
        <source>My settings — Transfer tool</source>
        <translation>個人設定 — 越境移転評価ツール</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>The language applies after a restart of the tool.</source>
        <translation>言語はツールの再起動後に反映されます。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Language of the tool:</source>
        <translation>ツールの表示言語:</translation>
    </message>
    <message>
        <source>Your home folder</source>
        <translation>ホームフォルダー</translation>
    </message>
    <message>
        <source>Default folders</source>
        <translation>既定のフォルダー</translation>
    </message>
    <message>
        <source>Save exports and reports in:</source>
        <translation>エクスポートとレポートの保存先:</translation>
    </message>
    <message>
        <source>Open files to import from:</source>
        <translation>インポートするファイルの場所:</translation>
    </message>
    <message>
        <source>My signing identity</source>
        <translation>自分の署名用ID</translation>
    </message>
    <message>
        <source>Approving an assessment signs its PDF with your signing identity: a certificate and a private key protected by a passphrase. It is kept in your own data folder, never in the shared database. Give your certificate to an administrator so that your signatures count as trusted.</source>
        <translation>評価を承認すると、そのPDFにあなたの署名用ID（証明書と、パスフレーズで保護された秘密鍵）で署名します。署名用IDはあなた自身のデータフォルダーに保管され、共有データベースには保存されません。あなたの署名が信頼されるよう、証明書をシステム管理者に渡してください。</translation>
    </message>
    <message>
        <source>Export my certificate…</source>
        <translation>自分の証明書をエクスポート…</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com（任意）</translation>
    </message>
    <message>
        <source>Create my identity</source>
        <translation>署名用IDを作成</translation>
    </message>
    <message>
        <source>Name on signatures:</source>
        <translation>署名に表示する名前:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>メールアドレス:</translation>
    </message>
    <message>
        <source>Passphrase (8 or more characters):</source>
        <translation>パスフレーズ（8文字以上）:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>パスフレーズ（確認）:</translation>
    </message>
    <message>
        <source>A .p12 or .pfx file from your organisation</source>
        <translation>組織から受け取った .p12 または .pfx ファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Import this identity</source>
        <translation>この署名用IDをインポート</translation>
    </message>
    <message>
        <source>PKCS#12 file:</source>
        <translation>PKCS#12ファイル:</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>そのパスフレーズ:</translation>
    </message>
    <message>
        <source>Create a self-signed identity</source>
        <translation>自己署名の署名用IDを作成</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>PKCS#12ファイルをインポート</translation>
    </message>
    <message>
        <source>You have no signing identity yet. Create one below, or import your organisation&apos;s.</source>
        <translation>署名用IDがまだありません。下で作成するか、組織から受け取ったものをインポートしてください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signer:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 fingerprint:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Valid until:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;署名者:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 フィンガープリント:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;有効期限:&lt;/b&gt; %3</translation>
    </message>
    <message>
        <source>Replace your signing identity?</source>
        <translation>署名用IDを置き換えますか？</translation>
    </message>
    <message>
        <source>You already have a signing identity. The new one replaces it for future approvals (the old file is kept aside; reports it signed still verify). Continue?</source>
        <translation>署名用IDはすでにあります。今後の承認には新しいものを使います（古いファイルは別に保管され、それで署名したレポートは引き続き検証できます）。続けますか？</translation>
    </message>
    <message>
        <source>Enter the name to show on your signatures.</source>
        <translation>署名に表示する名前を入力してください。</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>8文字以上のパスフレーズを設定してください。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>2つのパスフレーズが一致しません。同じパスフレーズを2回入力してください。</translation>
    </message>
    <message>
        <source>Creating your identity (this takes a moment)…</source>
        <translation>署名用IDを作成しています（少し時間がかかります）…</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file to import.</source>
        <translation>インポートするPKCS#12ファイルを選択してください。</translation>
    </message>
    <message>
        <source>Your signing identity is ready. Export the certificate and give it to an administrator.</source>
        <translation>署名用IDの準備ができました。証明書をエクスポートしてシステム管理者に渡してください。</translation>
    </message>
    <message>
        <source>Export my certificate</source>
        <translation>自分の証明書をエクスポート</translation>
    </message>
    <message>
        <source>Certificates (*.pem)</source>
        <translation>証明書 (*.pem)</translation>
    </message>
    <message>
        <source>The certificate could not be written: %1</source>
        <translation>証明書を書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Certificate saved to %1.</source>
        <translation>証明書を %1 に保存しました。</translation>
    </message>
    <message>
        <source>Choose a signing identity</source>
        <translation>署名用IDを選択</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12ファイル (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Saved. The language applies after a restart of the tool.</source>
        <translation>保存しました。言語はツールの再起動後に反映されます。</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>ユーザーアカウント</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>選択したユーザー</translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation>有効（サインインできる）</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>変更を保存</translation>
    </message>
    <message>
        <source>Set this password</source>
        <translation>このパスワードを設定</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>氏名:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>役割:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新しいパスワード:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>新しいパスワード（確認）:</translation>
    </message>
    <message>
        <source>Remove the user…</source>
        <translation>ユーザーを削除…</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>ユーザーを追加</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>%1 文字以上</translation>
    </message>
    <message>
        <source>Add the user</source>
        <translation>ユーザーを追加</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>メールアドレス:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>パスワード（確認）:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Selected user: %1</source>
        <translation>選択したユーザー: %1</translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation>%1 への変更を保存しました。</translation>
    </message>
    <message>
        <source>The password was not changed.</source>
        <translation>パスワードは変更されていません。</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>2つのパスワードが一致しません</translation>
    </message>
    <message>
        <source>%1 has a new password. Tell them through a safe channel.</source>
        <translation>%1 に新しいパスワードを設定しました。安全な方法で本人に伝えてください。</translation>
    </message>
    <message>
        <source>Remove this user?</source>
        <translation>このユーザーを削除しますか？</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in, and their sign-in to a shared database is deleted. Their name stays in the audit log and on their transfers. Remove the user?</source>
        <translation>%1 はサインインできなくなり、共有データベースへのサインインも削除されます。名前は監査ログと担当の移転に残ります。ユーザーを削除しますか？</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 を削除しました。</translation>
    </message>
    <message>
        <source>The account was not created.</source>
        <translation>アカウントは作成されていません。</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 を追加しました。</translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <source>Verify a signed PDF — Transfer tool</source>
        <translation>署名済みPDFの検証 — 越境移転評価ツール</translation>
    </message>
    <message>
        <source>&amp;Open a PDF…</source>
        <translation>PDFを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>…or drop a PDF file anywhere on this window.</source>
        <translation>…または、このウィンドウにPDFファイルをドロップしてください。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>署名者:</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>署名日時:</translation>
    </message>
    <message>
        <source>Unchanged since signing:</source>
        <translation>署名後の改変なし:</translation>
    </message>
    <message>
        <source>Signature covers the whole file:</source>
        <translation>署名がファイル全体を対象:</translation>
    </message>
    <message>
        <source>Signer trusted by your organisation:</source>
        <translation>署名者を組織が信頼:</translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation>タイムスタンプ:</translation>
    </message>
    <message>
        <source>Assessment and version:</source>
        <translation>評価と版:</translation>
    </message>
    <message>
        <source>Same as the copy in the database:</source>
        <translation>データベースの保存版と同一:</translation>
    </message>
    <message>
        <source>SHA-256 of the file:</source>
        <translation>ファイルの SHA-256:</translation>
    </message>
    <message>
        <source>The document appears here once you open or drop it.</source>
        <translation>文書を開くかドロップすると、ここに表示されます。</translation>
    </message>
    <message>
        <source>Choose the PDF to verify</source>
        <translation>検証するPDFを選択</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDFファイル (*.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>Not checked: the signature does not match the document</source>
        <translation>未確認: 署名が文書と一致しません</translation>
    </message>
    <message>
        <source>None (the time is the signer&apos;s own clock)</source>
        <translation>なし（日時は署名者のコンピューターの時計によります）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Not valid or not trusted</source>
        <translation>無効または信頼できない</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第%2版</translation>
    </message>
    <message>
        <source>Not named in the file</source>
        <translation>ファイルに記載なし</translation>
    </message>
    <message>
        <source>Technical details:</source>
        <translation>技術的な詳細:</translation>
    </message>
    <message>
        <source>This file is not a PDF, so there is nothing to show.</source>
        <translation>このファイルはPDFではないため、表示できるものがありません。</translation>
    </message>
    <message>
        <source>CANNOT VERIFY: %1</source>
        <translation>検証できません: %1</translation>
    </message>
    <message>
        <source>This file is not a PDF.</source>
        <translation>このファイルはPDFではありません。</translation>
    </message>
    <message>
        <source>The PDF is encrypted: its signatures cannot be verified.</source>
        <translation>このPDFは暗号化されているため、署名を検証できません。</translation>
    </message>
    <message>
        <source>The PDF is damaged or truncated and cannot be verified.</source>
        <translation>このPDFは破損しているか途中で切れているため、検証できません。</translation>
    </message>
    <message>
        <source>The PDF is not signed.</source>
        <translation>このPDFには署名がありません。</translation>
    </message>
    <message>
        <source>INVALID: the document was modified after signing.</source>
        <translation>無効: 署名後に文書が改変されています。</translation>
    </message>
    <message>
        <source>INVALID: the document was modified after signing (content was added after the signature).</source>
        <translation>無効: 署名後に文書が改変されています（署名の後に内容が追加されています）。</translation>
    </message>
    <message>
        <source>INVALID: the timestamp could not be verified.</source>
        <translation>無効: タイムスタンプを検証できません。</translation>
    </message>
    <message>
        <source>UNTRUSTED: unchanged since signing, but the signer %1 is not trusted by your organisation.</source>
        <translation>信頼できない署名者: 署名後の改変はありませんが、署名者 %1 は組織に信頼されていません。</translation>
    </message>
    <message>
        <source>VALID: signed by %1, unchanged since signing, trusted by your organisation.</source>
        <translation>有効: %1 が署名し、署名後の改変はなく、組織が信頼する署名者です。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Yes: this is the signed copy stored with %1.</source>
        <translation>はい: %1 とともに保存された署名済みの版です。</translation>
    </message>
    <message>
        <source>No: the database keeps the %1 signed copy of %2; this file is the %3 report.</source>
        <translation>いいえ: データベースには %2 の%1の署名済みの版が保存されています。このファイルは%3のレポートです。</translation>
    </message>
    <message>
        <source>No: the database keeps a different signed copy of %1.</source>
        <translation>いいえ: データベースには %1 の別の署名済みの版が保存されています。</translation>
    </message>
    <message>
        <source>No: %1 has no signed copy in the database (it was not approved here).</source>
        <translation>いいえ: %1 の署名済みの版はデータベースにありません（このデータベースでは承認されていません）。</translation>
    </message>
    <message>
        <source>No: %1 is not an assessment of this database.</source>
        <translation>いいえ: %1 はこのデータベースの評価ではありません。</translation>
    </message>
    <message>
        <source>No: the file names no assessment of this database.</source>
        <translation>いいえ: このファイルにはこのデータベースの評価が記載されていません。</translation>
    </message>
    <message>
        <source>Not an approved assessment: %1 was not approved in this database. A signature alone does not approve it.</source>
        <translation>承認済みの評価ではありません: %1 はこのデータベースで承認されていません。署名だけでは承認になりません。</translation>
    </message>
    <message>
        <source>Not the approved copy: this file is not the signed copy of %1 kept at its approval; ask for that copy.</source>
        <translation>承認時の版ではありません: このファイルは承認時に保存された %1 の署名済みの版ではありません。その版を入手してください。</translation>
    </message>
    <message>
        <source>Replaced by a later version: %1 v%2 was approved on %3. This file is not the assessment in force; ask for the signed PDF of v%2.</source>
        <translation>より新しい版に置き換えられています: %1 第%2版が%3に承認されました。このファイルは現在有効な評価ではありません。第%2版の署名済みPDFを入手してください。</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>表示するものがありません。</translation>
    </message>
    <message>
        <source>Open or drop a signed PDF to check who signed it and whether it changed.</source>
        <translation>署名済みPDFを開くかドロップすると、誰が署名したか、改変されていないかを確認できます。</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Problems with this field</source>
        <translation>この項目の問題</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>未入力の項目</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comments on this step</source>
        <translation>このステップへのレビュー者のコメント</translation>
    </message>
    <message>
        <source>Reviewer comment</source>
        <translation>レビュー者のコメント</translation>
    </message>
    <message>
        <source>Reviewer comment, dealt with</source>
        <translation>レビューコメント（対応済み）</translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation>対応済みにする</translation>
    </message>
    <message>
        <source>Mark the comment as dealt with</source>
        <translation>コメントを対応済みにする</translation>
    </message>
    <message>
        <source>I have checked these answers</source>
        <translation>これらの回答を確認しました</translation>
    </message>
    <message>
        <source>Confirm the copied answers on this step</source>
        <translation>このステップで複写された回答を確定する</translation>
    </message>
    <message>
        <source>Copied answers on this step, to check and confirm:</source>
        <translation>このステップで複写された回答（確認して確定してください）：</translation>
    </message>
    <message>
        <source>The answers shown are right</source>
        <translation>表示の回答で正しい</translation>
    </message>
    <message>
        <source>Confirm the answers the import assumed on this step</source>
        <translation>このステップでインポート時に仮定した回答を確認する</translation>
    </message>
    <message>
        <source>Not given in the imported file: the answers shown were assumed. Choose the right ones, or confirm them:</source>
        <translation>インポートしたファイルに記載がなく、表示の回答は仮定です。正しい回答を選ぶか、確認してください：</translation>
    </message>
    <message>
        <source>Flagged for re-assessment: the country data changed. Check this step again:</source>
        <translation>再評価が必要です：国別データが変更されました。このステップを改めて確認してください：</translation>
    </message>
    <message>
        <source>Flagged for re-assessment: the transfer was changed after its assessment was approved. Check this step again:</source>
        <translation>再評価が必要です：承認後に移転の内容が変更されました。このステップを改めて確認してください：</translation>
    </message>
    <message>
        <source>%1 · %2 · on version %3</source>
        <translation>%1 · %2 · 第%3版へのコメント</translation>
    </message>
    <message>
        <source>Dealt with by %1 on %2</source>
        <translation>%1 が %2 に対応済み</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Country name (English or Japanese) or code</source>
        <translation>国・地域名（日本語または英語）またはコード</translation>
    </message>
    <message>
        <source>1 Parties and destination</source>
        <translation>1 当事者と移転先</translation>
    </message>
    <message>
        <source>1 Personal data</source>
        <translation>1 個人データ</translation>
    </message>
    <message>
        <source>1 Handling, onward transfers</source>
        <translation>1 取扱いと再移転</translation>
    </message>
    <message>
        <source>1 Pre-check</source>
        <translation>1 事前確認</translation>
    </message>
    <message>
        <source>2 Transfer tool</source>
        <translation>2 移転手段</translation>
    </message>
    <message>
        <source>3 Law and practice</source>
        <translation>3 法令と実務</translation>
    </message>
    <message>
        <source>4–5 Measures, action plan</source>
        <translation>4–5 補完的措置と行動計画</translation>
    </message>
    <message>
        <source>6 Quantified risk</source>
        <translation>6 定量的リスク評価</translation>
    </message>
    <message>
        <source>7 Conclusion</source>
        <translation>7 結論</translation>
    </message>
    <message>
        <source>Summary and submission</source>
        <translation>概要と提出</translation>
    </message>
    <message>
        <source>The country data changed: answer this again</source>
        <translation>国別データが変更されました。改めて回答してください</translation>
    </message>
</context>
<context>
    <name>WizardState</name>
    <message>
        <source>The destination %1 has no country data; ask an administrator to add it.</source>
        <translation>移転先 %1 の国別データがありません。システム管理者に追加を依頼してください。</translation>
    </message>
</context>
<context>
    <name>_CheckView</name>
    <message>
        <source>a transfer</source>
        <translation>移転に当たる</translation>
    </message>
    <message>
        <source>not a transfer</source>
        <translation>移転に当たらない</translation>
    </message>
    <message>
        <source> · full assessment needed</source>
        <translation> · 詳細な評価が必要</translation>
    </message>
    <message>
        <source> · short record</source>
        <translation> · 簡易記録</translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation>根拠: %1</translation>
    </message>
</context>
<context>
    <name>_LawFactors</name>
    <message>
        <source>Remove law</source>
        <translation>法令を削除</translation>
    </message>
    <message>
        <source>Remove %1 from the calculation</source>
        <translation>%1 を計算から除外</translation>
    </message>
    <message>
        <source>%1: probability for %2</source>
        <translation>%1: %2 の確率</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>%1: justification for %2</source>
        <translation>%1: %2 の根拠</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
</context>
<context>
    <name>_LawRow</name>
    <message>
        <source>problematic</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>not problematic</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <source>Reaches: %1</source>
        <translation>対象: %1</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>出典: %1</translation>
    </message>
    <message>
        <source>&amp;Applies to this importer and data?</source>
        <translation>このデータ輸入者とデータに適用されるか(&amp;A)</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>Yes, it applies</source>
        <translation>はい、適用される</translation>
    </message>
    <message>
        <source>No, it does not apply</source>
        <translation>いいえ、適用されない</translation>
    </message>
    <message>
        <source>Does %1 apply?</source>
        <translation>%1 は適用されるか</translation>
    </message>
    <message>
        <source>Reasoning for %1</source>
        <translation>%1 についての理由</translation>
    </message>
    <message>
        <source>Why it does or does not reach this importer and this data</source>
        <translation>このデータ輸入者とデータに及ぶ（又は及ばない）理由</translation>
    </message>
    <message>
        <source>Remove this law</source>
        <translation>この法令を削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
</context>
<context>
    <name>_PlanRow</name>
    <message>
        <source>Status of %1</source>
        <translation>%1 の状況</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Owner of %1</source>
        <translation>%1 の担当者</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <source>Due date of %1</source>
        <translation>%1 の期限</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
</context>
<context>
    <name>_RegimeTool</name>
    <message>
        <source>Transfer tool for %1</source>
        <translation>%1 の移転手段</translation>
    </message>
    <message>
        <source>Why this tool fits (%1)</source>
        <translation>この移転手段が適する理由（%1）</translation>
    </message>
    <message>
        <source>Why this tool fits this transfer</source>
        <translation>この移転手段がこの移転に適する理由</translation>
    </message>
    <message>
        <source>Conditions of the derogation (confirm each that is met):</source>
        <translation>例外規定の要件（満たしているものをそれぞれ確認）:</translation>
    </message>
    <message>
        <source>Why this continuous use stays exceptional (%1)</source>
        <translation>この継続的な利用がなお例外的である理由（%1）</translation>
    </message>
    <message>
        <source>Derogations must not become the rule: why this continuous use stays exceptional (the reviewer sees it)</source>
        <translation>例外規定を原則としてはなりません。この継続的な利用がなお例外的である理由（レビュー者に表示されます）</translation>
    </message>
    <message>
        <source>&amp;Chosen tool:</source>
        <translation>選択した移転手段(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>選択理由(&amp;J):</translation>
    </message>
    <message>
        <source>Status of %1: %2</source>
        <translation>%1 における状況: %2</translation>
    </message>
    <message>
        <source>condition: %1</source>
        <translation>条件: %1</translation>
    </message>
    <message>
        <source>UNVERIFIED country data: check the source</source>
        <translation>国別データ未検証：出典を確認してください</translation>
    </message>
    <message>
        <source>short record</source>
        <translation>簡易記録</translation>
    </message>
    <message>
        <source>Proposed:</source>
        <translation>提案:</translation>
    </message>
    <message>
        <source>No tool to propose.</source>
        <translation>提案できる移転手段はありません。</translation>
    </message>
    <message>
        <source>— choose a tool —</source>
        <translation>— 移転手段を選択 —</translation>
    </message>
    <message>
        <source> (proposed)</source>
        <translation>（提案）</translation>
    </message>
    <message>
        <source>The measures the recipient takes to protect the personal information (the person who consents is told them), and why consent fits this transfer</source>
        <translation>提供先が講ずる個人情報の保護のための措置（同意する本人に伝えられます）と、この移転に同意が適する理由</translation>
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
