<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records cross-border transfers of personal data, assesses them (Transfer Impact Assessments) and keeps them current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country data: version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app and its reports use these fonts, shipped under their licences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonts and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with these libraries (each under its own licence; the LGPL ones can be replaced in the installed folder):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcceptanceFields</name>
    <message>
        <source>Could the data be anonymised or minimised instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why identifiable data is needed; what was minimised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who performs the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and roles; what the importer contributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General data-protection framework of the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its general data-protection law and independent authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redress for data subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courts, the authority, remedies against public bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the transfer tool enforceable at the destination?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the tool is or is not enforceable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK data protection test: is the protection not materially lower?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the UK data protection test is or is not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. CNIL (France); PPC (Japan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and position at the importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymise or minimise instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performed by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination&apos;s framework:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool enforceable there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK data protection test met?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (UK test):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisory authority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer&apos;s signatory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-adopted on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Country data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration — Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to %1 are not saved. Discard them and close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes on the tab “%1” are not saved. Discard them and close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not change country data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not manage users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not manage trusted certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not change the catalogues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not change the organisation settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an administrator if you need to.</source>
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
    <name>ApprovePanel</name>
    <message>
        <source>Opening your signing identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the report as approved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the approval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My identity made in the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PKCS#12 file (.p12, .pfx):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the signed PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no identity yet: create one in My settings, or choose a file below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — fingerprint %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You assessed this version yourself. The four-eyes rule means another manager must approve it, unless the organisation runs in single-user mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be prepared, so it cannot be approved (see the report&apos;s pane).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is being prepared: you approve it once you can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1: choose the signing identity again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To approve, choose your signing identity and tick each confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To approve, choose your signing identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To approve, tick each confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a signing identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the assessment: activate one to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new vers&amp;ion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes are saved automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored what you typed before the app closed. It is saved once the fields marked ✖ are filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment — %1%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: your role may not edit assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review: read-only until a manager returns it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved and signed: read-only. Changes go into a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the new transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this new transfer before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It gets its register reference when it is saved; Discard drops what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This new transfer cannot be saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes to the transfer cannot be saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the fields marked ✖ in: %1. Discard drops what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attestations</name>
    <message>
        <source>The description of the transfer is accurate and complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read the assessment and understand the risks it describes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I ratify the transfer tool and the supplementary measures chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planned measures will be carried out by their owners and due dates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Not saved yet: this new transfer is stored once its required fields are filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved (%1), except the transfer itself: fix the fields marked ✖ in step 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: someone else saved this first. Choose which version to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their version is shown; your unsaved changes were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkReassessment</name>
    <message>
        <source>Starting new versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 of %2 new versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A re-assessment was not started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalogues</name>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquisition routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CataloguesPage</name>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日本語</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 4-2 (shown in the report as Privacy Policy §4-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive (special-category) data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered for new transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new entry is not saved. Discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to “%1” are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer offered for new transfers; existing transfers keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Changes since the version returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments sent back to the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dealt with: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not dealt with yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments sent back to the assessor (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A first submission: there is no returned version to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (returned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed since version %1, the approved version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed since version %1, which you returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since version %1, the approved version this one would replace.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since version %1, which you returned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(not there)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Say what must change before you can approve. The assessor sees each comment beside its section of the assessment, and resubmits when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the assessor change or explain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments to send back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return to the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments to send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at least one comment: the assessor needs to know what to change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>7 · Conclusion and re-evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recommendation follows from the steps; choose the conclusion and say why if it differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the chosen conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required when your conclusion differs from the recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedural steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SCCs signed unchanged, no authorisation needed; supervisory authority informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) after approval</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Procedural steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-e&amp;valuation date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the DPO needs to accept the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Records of processing extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictChooser</name>
    <message>
        <source>Someone else saved this first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine stores your version over theirs. Keep theirs drops your unsaved changes. Use my choices stores, field by field, the value chosen under Keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use my choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved changes to the fields listed will be dropped and their version shown. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop mine, keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>The other person&apos;s version was saved first, at %1. It is kept unless you choose otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other person&apos;s version was saved first. It is kept unless you choose otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below is every part that differs: your version (not saved) beside theirs (saved). Nothing is lost until you choose.</source>
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
        <source>Exporter&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive data details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the data was obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format at rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who holds the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote access from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nature of the processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer facts (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimes that apply (pre-check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed conditions (pre-check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope questions (pre-check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information for the person&apos;s consent (APPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use case (step 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a DPO needs to accept it (conclusion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied answers still to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool (step 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law and practice (step 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary measures (step 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedural steps (step 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-evaluation date (step 6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPI yearly check due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine (not saved)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs (saved)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep their value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved contents are the same; only the version number differs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>New transfer from this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exporter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new transfer like %1 (%2), with its onward transfers and a draft assessment. Every answer copied from its assessment is marked for you to confirm; choose another exporter or importer first if this one is for a different party.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer was not copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountriesPage</name>
    <message>
        <source>Filter destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or code (English or 日本語)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it must be re-assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers flagged for re-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers flagged by your last save appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the data changes, e.g. &apos;CJEU annulled the decision&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or discard the changes to %1 before opening another destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — country data version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 transfer(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saving flags %n transfer(s) for re-assessment:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Say why the data changes; it is kept in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved: a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed, so no new version was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) flagged for re-assessment (see Flagged transfers).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged by version %1: each needs a new assessment version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import country data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country data (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export country data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country data (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country data exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountryHistory</name>
    <message>
        <source>the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision or instrument changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiry or review date changed</source>
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
    <message>
        <source>unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified: nobody has checked this entry against its source yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>%1 (v%2)</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Your transfers that need you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged for re-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-evaluation due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open action: %1, due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since you last signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reassigned to you</source>
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
        <source>Save due dates to a &amp;calendar file (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-evaluations, APPI yearly checks and planned measures as calendar events for Outlook, Google Calendar or Apple Calendar; importing a newer file updates the events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save due dates to a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the due dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n due date(s) to %1. Import the file into your calendar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the due dates failed</source>
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
    <message>
        <source>%1 v%2 — %3, submitted %4 by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you worked on it: another manager approves it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting your review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>1 · Know your transfer: the personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is sent, about whom, for what, and on what basis (catalogues from the privacy policy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the data was acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes special-category or sensiti&amp;ve data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes special-category or sensitive data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive data and its restrictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sensitive data, and the restrictions applied to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of data subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lar&amp;ge volume (systematic or massive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Categories of personal data (policy §4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purposes (policy §7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber of data subjects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal basis (policy §6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acquired how (policy §5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationEditor</name>
    <message>
        <source>Status per regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPI information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition (who is covered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision or instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires or review due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problematic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources (one URL a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a data-protection system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system in brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OECD principles covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps against the OECD principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBPR membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data localisation duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duties to cooperate with the government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2026-07-10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status under each regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government-access laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problematic against the European Essential Guarantees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the APPI information items for this destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct these before saving:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version (%1) was saved first and is kept unless you choose otherwise. Below is every part that differs; choosing re-saves against that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government access laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status under %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityCombo</name>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entity for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the entity chosen as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the entity chosen as %1 from the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <source>New entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A legal person of the group or outside it. Name and country are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the entity as recorded. The change applies to every transfer that names it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A company of our &amp;group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact&apos;s p&amp;osition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registration no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A company of our group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certifications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the country: type its name (English or Japanese) or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone removed this entity after you opened it; nothing was saved. Choose Cancel, then choose the entity again or record it anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Cancel and open the entity again: it then shows their change, and you can make yours again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details you typed are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the register? Only an entity entered by mistake should go: one that a transfer names cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entity was not removed</source>
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
    <message>
        <source>Someone else removed this transfer meanwhile. Close this window; the register shows the transfers that are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed the transfer meanwhile; nothing was copied. The register shows the transfers that are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed one of the chosen transfers meanwhile; nothing was reassigned. Refresh the list and choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the notices meanwhile, and the one shown here is no longer stored. Generate it again, then publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this assessment (or its transfer) meanwhile. Close this window; the register shows what is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this evidence file meanwhile. Open the assessment again to see the evidence that is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this comment meanwhile. Open the review again to see the comments left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this user meanwhile. The list of users now shows the accounts that are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this entity meanwhile. Choose the entity again or record it anew; the register shows the entities that are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else removed this trusted certificate meanwhile. The list shows the certificates that are left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>What the file shows (evidence label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach an evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or drop files here. Each file is kept with its SHA-256 digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlingPage</name>
    <message>
        <source>1 · Know your transfer: how the data is handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency, form in transit and at rest, where it is stored and accessed from, retention, onward transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. US, IE  or  米国、アイルランド</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countries the data is accessed from, if any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Contract term plus 1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form in &amp;transit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form at r&amp;est:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys held by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stored in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote &amp;access from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention (policy §&amp;12):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention &amp;period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-recipients the importer passes the data to; each is a transfer of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd onward transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected onward transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recognised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfers can be added once this transfer is saved (after this page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of the country data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes between the two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different versions to see what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ between version %1 and version %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import transfers — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems (nothing is imported until there are none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rows in the file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 transfer(s), %3 problem(s). Fix them in the file and import it again; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 transfer(s) and no problems. Import adds all of them to the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n transfer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import country data — preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n destination(s) would change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) would be flagged for re-assessment.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds the same data as the database: importing it changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (data version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes in the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. quarterly update from the legal reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (kept in each destination&apos;s history):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n destination(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) flagged for re-assessment.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LawPracticePage</name>
    <message>
        <source>3 · Law and practice of the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which government-access laws reach this importer and data, what happens in practice, and the step&apos;s conclusion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a law you researched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the law (e.g. Cybercrime Prevention Act s.14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the law to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official source (address of the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official source of the law to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problematic (fails the essential guarantees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practical experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests received (or none) over a representative period, e.g. the importer&apos;s transparency reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources of the practical experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion of this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning of the step conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPI: a foreign system makes it &amp;difficult for the importer to keep implementing the equivalent measures (stop the provision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources on the &amp;destination&apos;s laws (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources on the destination&apos;s laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official texts, court decisions, authority reports consulted (EDPB Recommendations 01/2020, Annex 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (e.g. transparency reports, legal opinions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Importer&apos;s transparency report 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government-access laws of %1 in the country data (version %2): %3, of which %4 problematic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country data lists no government-access law for %1: research its laws, add each with its source below, or record the sources consulted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
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
        <source>&amp;Import transfers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify a signed PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
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
        <source>Applies after a restart of the tool</source>
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
        <source>T&amp;rusted certificates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy &amp;notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
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
        <source>Not signed out: first finish in the window “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool — user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide opens in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser could be started. The user guide is this file: %1</source>
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
        <source>New transfer created: confirm each copied answer in its assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transfer tool(s) were not copied: the new exporter is not under their regime.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassigned %n transfer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start re-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Start a new version for each of the %n selected transfer(s)? Each is pre-filled from its approved version; what the country-data change touched is reset or marked for you to confirm. Transfers without an approved version, or with a newer version in progress, are skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new version(s) started</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: no approved version, or a newer version is already in progress (open it from the register).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n transfer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</source>
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
        <source>The language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>4–5 · Supplementary measures and action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures from the catalogue, rated for this transfer&apos;s use case; planned ones need an owner and a due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data only &amp;transits the third country, encrypted end to end (use case 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The importer&apos;s law &amp;protects this data from access, e.g. professional secrecy (use case 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split processing: no single importer can attribute the data to a person (use case 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;case where the facts leave it open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— as the facts say —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this use case fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this use case fits (required with a choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For this transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue of supplementary measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to the action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen measures (action plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measure chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (e.g. audit reports, certificates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ISO 27001 certificate of the importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This transfer&apos;s EDPB use case(s): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (your choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No EDPB use case follows from the facts: pick the one that fits, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By recipient category (policy §9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By purpose (policy §7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language of the notice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gr&amp;oup destinations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate and store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store this text with the register version it came from; the next diff compares with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How people ask for copies and information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. privacy@example.com（総務部）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;English:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;Japanese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By its recipient category (policy §9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all (the country only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the se&amp;tting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient is named only when you allow it; otherwise its category is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the entity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the entity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ntity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer a request (APPI Art. 28(3))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. TR-000001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seven items of PPC Rules Art. 18(3) for a transfer relying on equivalent measures, in the notice&apos;s language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tr&amp;ansfer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved transfers: %1 · planned: %2 · country data %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as generation %1. Check it, then publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate the notice first; what is published is a stored generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as published; “Save as…” writes this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: verify the country data or re-assess the transfers, then generate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published: the next preview shows what changed since this notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The preview shows the entity as set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact text is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the transfer&apos;s reference, e.g. TR-000001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word (*.docx);;HTML (*.html);;Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish with items not checked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notice rests on country data that is unverified or missing, or on transfers to re-assess:

%1

Publish it anyway? Your acceptance is recorded with the notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. privacy@example.com (Legal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnwardDialog</name>
    <message>
        <source>Add an onward transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The importer passes the data on to a sub-recipient. The onward transfer is recorded as a transfer of its own (same data, purposes and retention) and needs its own assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sub-recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This onward transfer is not added. Discard what you entered?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say what the sub-recipient does with the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onward transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgSettingsPage</name>
    <message>
        <source>Organisation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in each report&apos;s header (empty: the exporter&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-user mode: one person may assess and approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this turns off the four-eyes rule. Use it only where nobody else can review. Reports approved by their own assessor say so on the sign-off page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data importer co-adopts each assessment (named on the sign-off page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The acceptable probability of prohibited access over an assessment&apos;s period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An RFC 3161 time-stamping service proves when a report was signed. Leave empty to sign without a timestamp (the time is then the signer&apos;s own clock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-evaluate approved assessments every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp server (URL):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation settings are saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>1 · Know your transfer: parties and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who sends the personal data, who receives it, in what role, and where it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Customer support platform</source>
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
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xporter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter&apos;s &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mporter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer&apos;s r&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination (search in English or Japanese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These roles mean EU SCC Module %1 where the EU SCCs are used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPagesView</name>
    <message>
        <source>No document to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be shown: it is not a readable PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrecheckPage</name>
    <message>
        <source>1 · Pre-check: is this a transfer, under which regimes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exporter&apos;s country decides the regimes; add one with a reason where it also applies. Adequacy routes need only a short record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circumstances that decide the pre-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exporter is a processor re&amp;turning the data to the controller that gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The importer&apos;s own processing is subject to the &amp;GDPR (Art. 3(2))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope of the adequacy decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions of a partial adequacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimes added by the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it applies (e.g. GDPR Art. 3(2): we offer goods to people in the EU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the regime applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;regime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why %1 applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the transfer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimes that govern the exporter (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regime applies to the exporter. Add one below if a regime applies for another reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a transfer under any applicable regime: no transfer tool or assessment is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a transfer under %1. A full assessment is needed (steps 3 to 6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a transfer under %1, covered by adequacy, a derogation or consent: a short record and monitoring are enough (steps 3 to 6 may stay empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNVERIFIED country data: check the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the partial adequacy covers only certified organisations; the importer is not recorded as certified (record its certification on the entity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the condition for this importer, or choose another tool in the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None for this destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the condition is met for this importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation of the condition under %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicPowersQuestion</name>
    <message>
        <source>— not answered —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the exporter, for this transfer, act as a &amp;public authority exercising its public powers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer Yes when a public body sends the data as part of exercising powers the law gives it (for example a tax authority sharing tax records with a foreign tax authority). The law then does not let it rely on the data subject&apos;s consent, on a contract, or on compelling legitimate interests (GDPR and UK GDPR Art. 49(3)); the other exceptions, such as important reasons of public interest, stay available. Answer No for a company, and for a public body whose transfer is not part of exercising its public powers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hand %n selected transfer(s) over to another responsible person.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Responsible person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reassign %n transfer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was reassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterFiles</name>
    <message>
        <source>Import transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 MB; the limit is 20 MB. Split it and import the parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
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
        <source>Responsible person filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers a person is responsible for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
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
        <source>New transfer from this one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new transfer with this one&apos;s data and answers, each to confirm; other parties possible</source>
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
    <message numerus="yes">
        <source>Export %n transfer(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start re-assessment of %n transfer(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassign %n transfer(s)…</source>
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
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
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
        <source>Not given in the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) assumed, to confirm in the assessment</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The destination&apos;s data changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter → importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You assessed this one: another manager must approve it (four eyes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewSections</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties and destination (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling and onward transfers (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer description (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimes and pre-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tool (step 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law and practice (step 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary measures (step 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion and re-evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review and approval — Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an assessment in the list to read its report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return with comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s) awaiting review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The assessment you chose is no longer awaiting review: another reviewer approved or returned it meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment is waiting for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) for %1 are not sent to the assessor yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>To send them, keep editing and choose Return to the assessor. Discard drops them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country data changed after this version was submitted: %1 Approving it leaves %2 flagged for re-assessment. To have it re-assessed now, return it with comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed since v%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed (could not be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be prepared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2 was returned to the assessor with your comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2 is approved. The signed report is stored with the assessment and shown here with your signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the signed PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the approval has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not approve or return assessments. Ask an administrator if you need to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <source>Chart: probability of access over the period, against the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>6 · Quantified risk (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The probability of prohibited access over the assessment period, per problematic law, each factor justified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantify the risk of prohibited access for this transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantify the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by an administrator in the organisation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Factors mean:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment &amp;period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance &amp;threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problematic law to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a problematic law:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quantified. Tick the box above to estimate the risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of prohibited access over %1 years: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once every %1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (probability zero)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No threshold set: set the organisation&apos;s acceptance threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABOVE the threshold of %1: not acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the threshold of %1: acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full assessment is not needed for this transfer (see the pre-check); this step may stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopeQuestions</name>
    <message>
        <source>None for this destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since (YYYY-MM-DD), optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since when (%1)</source>
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
    <name>SummaryPage</name>
    <message>
        <source>Summary, submission and report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is still missing, submission for review, and the PDF report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview of the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer&apos;s comments to deal with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer&apos;s open comments: activate one to go to its page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing items: activate one to go to its page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked the copied answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirms every answer marked as copied from another assessment; check each one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Word draft for counsel&apos;s mark-up; the signed PDF stays the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing is missing. %n reviewer comment(s) above are still open: deal with each before submitting (submitting marks them as answered).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is missing: the assessment can be submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to complete before submitting; activate one to go to its page.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, version %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer under: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full assessment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned with comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review. A manager will approve it or return it with comments; until then it is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF was generated but not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. &lt;a href=&quot;%2&quot;&gt;Open the PDF&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the Word draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Word draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word draft was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the Word draft to %1 (the signed PDF stays the record). &lt;a href=&quot;%2&quot;&gt;Open it&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolPage</name>
    <message>
        <source>2 · Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each regime under which this is a transfer: the destination&apos;s status, the fitting tools, and your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a transfer under any applicable regime: no tool is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;country cannot be identified when consent is obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s &amp;measures cannot be described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the country cannot be identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the country cannot be identified (Art. 17(3))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information that serves as a reference instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information that serves as a reference instead, if any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the recipient&apos;s measures cannot be described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the recipient&apos;s measures cannot be described (Art. 17(4))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (e.g. the signed clauses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Signed SCC Module 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPI consent (Art. 28(2)): the information to give the data subject before consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — this is the chosen route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — if you choose the consent route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(i) Country: %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(i) Country: not yet identified (PPC Rules Art. 17(3)): say why and what serves as a reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ii) Its personal-information protection system: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(iii) The recipient&apos;s measures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>describe them under Justification (the person who consents is told them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing from the country data: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>A signed report verifies as trusted only when its signer&apos;s certificate, or the CA that issued it, is in this list. Each manager exports their certificate from My settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove from the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose is it? e.g. &apos;Taro Yamada, DPO&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody here (a CA or an outside signer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own certificate of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures by %1 are now trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop trusting this certificate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports signed with &apos;%1&apos; will verify as untrusted from now on. The certificate stays in the audit trail. Remove it from the list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserSettingsDialog</name>
    <message>
        <source>My settings — Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language applies after a restart of the tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your home folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save exports and reports in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open files to import from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My signing identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving an assessment signs its PDF with your signing identity: a certificate and a private key protected by a passphrase. It is kept in your own data folder, never in the shared database. Give your certificate to an administrator so that your signatures count as trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on signatures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase (8 or more characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .p12 or .pfx file from your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import this identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a self-signed identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no signing identity yet. Create one below, or import your organisation&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Signer:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 fingerprint:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Valid until:&lt;/b&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your signing identity?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a signing identity. The new one replaces it for future approvals (the old file is kept aside; reports it signed still verify). Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name to show on your signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your identity (this takes a moment)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your signing identity is ready. Export the certificate and give it to an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a signing identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The language applies after a restart of the tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new password. Tell them through a safe channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this user?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in, and their sign-in to a shared database is deleted. Their name stays in the audit log and on their transfers. Remove the user?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <source>Verify a signed PDF — Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or drop a PDF file anywhere on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged since signing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature covers the whole file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer trusted by your organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment and version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the copy in the database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document appears here once you open or drop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the PDF to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the signature does not match the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (the time is the signer&apos;s own clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid or not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not named in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a PDF, so there is nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANNOT VERIFY: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is encrypted: its signatures cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is damaged or truncated and cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INVALID: the document was modified after signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INVALID: the document was modified after signing (content was added after the signature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INVALID: the timestamp could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNTRUSTED: unchanged since signing, but the signer %1 is not trusted by your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALID: signed by %1, unchanged since signing, trusted by your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: this is the signed copy stored with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: the database keeps the %1 signed copy of %2; this file is the %3 report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: the database keeps a different signed copy of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: %1 has no signed copy in the database (it was not approved here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: %1 is not an assessment of this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: the file names no assessment of this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an approved assessment: %1 was not approved in this database. A signature alone does not approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the approved copy: this file is not the signed copy of %1 kept at its approval; ask for that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by a later version: %1 v%2 was approved on %3. This file is not the assessment in force; ask for the signed PDF of v%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or drop a signed PDF to check who signed it and whether it changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Problems with this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer&apos;s comments on this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer comment, dealt with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the comment as dealt with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked these answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the copied answers on this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied answers on this step, to check and confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers shown are right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the answers the import assumed on this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given in the imported file: the answers shown were assumed. Choose the right ones, or confirm them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for re-assessment: the country data changed. Check this step again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for re-assessment: the transfer was changed after its assessment was approved. Check this step again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · on version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dealt with by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country name (English or Japanese) or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Parties and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Handling, onward transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Pre-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 Transfer tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 Law and practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4–5 Measures, action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 Quantified risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary and submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country data changed: answer this again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WizardState</name>
    <message>
        <source>The destination %1 has no country data; ask an administrator to add it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CheckView</name>
    <message>
        <source>a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · full assessment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · short record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_LawFactors</name>
    <message>
        <source>Remove law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the calculation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: probability for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: justification for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_LawRow</name>
    <message>
        <source>problematic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not problematic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Applies to this importer and data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, it applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, it does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does %1 apply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it does or does not reach this importer and this data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PlanRow</name>
    <message>
        <source>Status of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RegimeTool</name>
    <message>
        <source>Transfer tool for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this tool fits (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this tool fits this transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions of the derogation (confirm each that is met):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this continuous use stays exceptional (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derogations must not become the rule: why this continuous use stays exceptional (the reviewer sees it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chosen tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNVERIFIED country data: check the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tool to propose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose a tool —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (proposed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measures the recipient takes to protect the personal information (the person who consents is told them), and why consent fits this transfer</source>
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
