"""Step 1 of the wizard, driven as a user would: a new transfer (parties with a new entity, destination
searched in Japanese, data, handling), validation beside the fields with Next disabled until valid, the
transfer and its assessment created on leaving step 1, edits of an existing transfer, onward transfers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import test_wizard_support as support
from tests.ui.i18n_fit import misfits, squeezed
from tests.ui.test_wizard_support import MakeWizard, choose, click_next, next_enabled, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import DataFormat, KeyHolder, PartyRole
from transfer_tool.register import entities, register_search, transfers
from transfer_tool.storage.database import Database
from ui.services import Services
from ui.wizard.entity_dialog import EntityDialog
from ui.wizard.state import PAGE_DATA, PAGE_HANDLING, PAGE_PARTIES, PAGE_PRECHECK
from ui.wizard.transfer import DataPage, HandlingPage, OnwardDialog, PartiesPage

make_wizard = support.make_wizard
us_transfer = support.us_transfer


def test_a_new_transfer_is_entered_page_by_page_and_stored_on_leaving_step_1(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    importer = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    wizard = make_wizard(legal, None)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    assert wizard.current_key() == PAGE_PARTIES and wizard.windowTitle() == "New transfer"
    # Nothing entered: Next is disabled and each required field says why, beside it.
    assert not next_enabled(wizard)
    shown = parties.visible_messages()
    assert shown["exporter_id"] == "✖ choose the exporter (the party sending the data)"
    assert shown["importer_id"] == "✖ choose the importer (the party receiving the data)"
    assert shown["destination"] == "✖ choose the destination country"
    assert "data_categories" not in shown  # that is the next page's field

    # The exporter is new: "New entity…", typed in Japanese; Save stays disabled until name and country are valid.
    parties.exporter.new_button.click()
    dialog = parties.exporter.dialog
    assert isinstance(dialog, EntityDialog) and dialog.isVisible()
    assert not dialog.ok.isEnabled()
    type_text(dialog.name, "ネット・ジャパン株式会社")
    assert not dialog.ok.isEnabled()
    assert dialog.messages["country"].text().startswith("✖ choose the country")
    type_text(dialog.country.edit, "日本")
    assert dialog.country.code() == "JP"
    dialog.group_company.setChecked(True)
    qtbot.keyClicks(dialog.contact_email, "dpo-at-example")
    assert dialog.messages["contact_email"].text() == "✖ enter an email address like name@example.com"
    assert not dialog.ok.isEnabled()
    dialog.contact_email.setText("dpo@example.jp")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    created = [e for e in entities.list_entities(db) if e.name == "ネット・ジャパン株式会社"]
    assert len(created) == 1 and created[0].country == "JP" and created[0].is_group_company
    assert parties.exporter.entity_id() == created[0].id
    assert "exporter_id" not in parties.visible_messages()

    choose(parties.importer.combo, importer.id)
    # Choosing the importer proposes its country as the destination.
    assert parties.picker.current_code() == "US"
    # Searching in Japanese finds the destination; its status under every regime shows at once.
    parties.picker.search_box.clear()
    type_text(parties.picker.search_box, "ドイツ")
    assert parties.picker.current_code() == "DE"
    parties.picker.search_box.clear()
    type_text(parties.picker.search_box, "米国")
    assert parties.picker.current_code() == "US"
    detail = parties.picker.detail.text()
    assert (
        "米国 / United States (US)" in detail
        and "EU GDPR: Partial" in detail
        and "Japan APPI: Not adequate" in detail
    )
    choose(parties.importer_role, PartyRole.PROCESSOR.value)
    type_text(parties.title_edit, "顧客サポート窓口の委託")
    assert parties.module_hint.text() == "These roles mean EU SCC Module 2 where the EU SCCs are used."
    assert parties.visible_messages() == {}
    assert next_enabled(wizard)
    click_next(qtbot, wizard)

    data = wizard.page_for(PAGE_DATA)
    assert isinstance(data, DataPage) and wizard.current_key() == PAGE_DATA
    assert not next_enabled(wizard)
    assert data.visible_messages()["data_categories"] == "✖ choose at least one category of personal data"
    data.categories.toggle("contact")
    data.categories.toggle("special_category")  # a sensitive entry ticks "special categories" too
    assert data.special.isChecked()
    assert data.visible_messages()["sensitive_details"].startswith("✖ describe the sensitive data")
    data.sensitive_details.setFocus()
    type_text(data.sensitive_details, "健康情報（問い合わせ内容に含まれる場合のみ）")
    data.purposes.toggle("respond_requests")
    data.subjects.toggle("customers")
    data.legal_bases.toggle("contract")
    data.volume.setValue(12_000)
    assert data.visible_messages() == {}
    assert next_enabled(wizard)
    click_next(qtbot, wizard)

    handling = wizard.page_for(PAGE_HANDLING)
    assert isinstance(handling, HandlingPage) and wizard.current_key() == PAGE_HANDLING
    assert handling.visible_messages() == {"retention": "✖ say how long the importer keeps the data"}
    choose(handling.at_rest, DataFormat.ENCRYPTED.value)
    assert handling.key_holder.isEnabled()
    assert handling.visible_messages()["key_holder"] == "✖ say who holds the keys for the encrypted data"
    choose(handling.key_holder, KeyHolder.IMPORTER.value)
    type_text(handling.storage, "米国、アイルランド")
    assert handling.storage_names.text() == "United States (US), Ireland (IE)"
    qtbot.keyClicks(handling.retention, "Contract term plus 1 year")
    assert handling.visible_messages() == {}
    assert register_search.search(db) == []  # nothing stored while step 1 is incomplete... until now
    click_next(qtbot, wizard)

    # Leaving step 1 stored the transfer and started its assessment; the wizard moved on by itself.
    qtbot.waitUntil(lambda: wizard.current_key() == PAGE_PRECHECK, timeout=2000)
    rows = register_search.search(db)
    assert len(rows) == 1
    t = transfers.get_transfer(db, rows[0].id)
    assert (t.title, t.exporter_name, t.importer_name, t.destination) == (
        "顧客サポート窓口の委託",
        "ネット・ジャパン株式会社",
        "Cloud Desk Inc.",
        "US",
    )
    assert t.sensitive_details == "健康情報（問い合わせ内容に含まれる場合のみ）"
    assert t.storage_countries == ("US", "IE") and t.key_holder is KeyHolder.IMPORTER
    a = service.latest_for_transfer(db, t.id)
    assert a is not None and a.record.facts.destination == "US" and a.record.regimes.applied == ("JP",)
    assert wizard.windowTitle().startswith(f"Assessment — {t.reference} · version 1")


def test_an_unknown_storage_country_blocks_next_with_the_core_message(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_HANDLING)
    handling = wizard.page_for(PAGE_HANDLING)
    assert isinstance(handling, HandlingPage)
    assert next_enabled(wizard)
    handling.storage.clear()
    qtbot.keyClicks(handling.storage, "US, Atlantis")
    assert handling.storage_names.text() == "United States (US); not recognised: Atlantis"
    assert handling.visible_messages()["storage_countries"] == "✖ 'ATLANTIS' is not a known country code"
    assert not next_enabled(wizard)
    handling.storage.setText("US")
    assert next_enabled(wizard)


def test_editing_an_existing_transfer_autosaves_it_and_the_assessment_facts_follow(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    assert parties.title_edit.text() == "Support desk"
    assert service.latest_for_transfer(db, us_transfer.id) is None  # opening changed nothing
    parties.title_edit.selectAll()
    type_text(parties.title_edit, "サポートデスク")
    choose(parties.exporter_role, PartyRole.PROCESSOR.value)
    qtbot.waitUntil(
        lambda: transfers.get_transfer(db, us_transfer.id).title == "サポートデスク", timeout=2000
    )
    t = transfers.get_transfer(db, us_transfer.id)
    assert t.exporter_role is PartyRole.PROCESSOR
    a = service.latest_for_transfer(db, us_transfer.id)
    assert a is not None and a.record.facts.exporter_role is PartyRole.PROCESSOR
    assert parties.module_hint.text() == "These roles mean EU SCC Module 3 where the EU SCCs are used."
    # The first save started the assessment (which moves the register status on): later edits still save.
    type_text(parties.title_edit, " 2")
    qtbot.waitUntil(
        lambda: transfers.get_transfer(db, us_transfer.id).title == "サポートデスク 2", timeout=2000
    )
    assert wizard.conflict_dialog() is None


def test_onward_transfers_are_added_and_removed_from_the_table(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    sub = factories.entity(db, legal, "Mumbai Helpdesk Pvt. Ltd.", "IN")
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_HANDLING)
    handling = wizard.page_for(PAGE_HANDLING)
    assert isinstance(handling, HandlingPage)
    assert handling.onward_model.rowCount() == 0
    handling.add_onward.click()
    dialog = handling.dialog
    assert isinstance(dialog, OnwardDialog) and dialog.isVisible()
    assert not dialog.ok.isEnabled()
    assert squeezed(dialog) == [] and misfits(dialog) == []  # the messages of what is missing fit
    choose(dialog.recipient.combo, sub.id)
    assert dialog.country.code() == "IN"  # the sub-recipient's country, proposed
    type_text(dialog.purpose, "Second-level support / 二次サポート")
    assert dialog.ok.isEnabled()
    assert squeezed(dialog) == [] and misfits(dialog) == []
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    parent = transfers.get_transfer(db, us_transfer.id)
    assert [(o.importer_name, o.destination, o.title) for o in parent.onward] == [
        ("Mumbai Helpdesk Pvt. Ltd.", "IN", "Second-level support / 二次サポート")
    ]
    assert handling.onward_model.rowCount() == 1
    assert handling.onward_model.item(0, 1).text() == "Mumbai Helpdesk Pvt. Ltd."
    # The facts the rules read list the onward transfer (the tool step notes it).
    record = wizard.state.record
    assert record is not None and [o.country for o in record.facts.onward_transfers] == ["IN"]
    handling.onward.selectRow(0)
    handling.remove_onward.click()
    assert transfers.get_transfer(db, us_transfer.id).onward == ()
    assert handling.onward_model.rowCount() == 0


def test_a_wrong_entity_is_corrected_and_removed_from_the_wizard(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    from PySide6.QtWidgets import QMessageBox

    typo = factories.entity(db, legal, "Cloud Dsk Inc", "SG")
    wizard = make_wizard(legal, us_transfer.id)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    importer = parties.importer
    assert importer.edit_button.isEnabled() and importer.remove_button.isEnabled()
    # Edit…: the dialog opens on the chosen entity; the correction is stored and the facts follow it.
    importer.edit_button.click()
    dialog = importer.dialog
    assert isinstance(dialog, EntityDialog) and dialog.windowTitle() == "Edit entity"
    assert dialog.name.text() == "Cloud Desk Inc." and dialog.country.code() == "US"
    dialog.certifications["EU-US DPF"].setChecked(True)
    dialog.contact_email.setText("privacy@clouddesk.example")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    stored = entities.get_entity(db, us_transfer.importer_id)
    assert set(stored.certifications) == {"APEC CBPR", "EU-US DPF"}
    assert stored.contact_email == "privacy@clouddesk.example" and stored.name == "Cloud Desk Inc."
    record = wizard.state.record
    assert record is not None and "EU-US DPF" in record.facts.importer_certifications
    # Remove… on the importer the transfer names: refused, saying which transfer.
    importer.remove_button.click()
    box = importer.confirmation
    assert isinstance(box, QMessageBox) and "Cloud Desk Inc." in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: wizard.findChild(QMessageBox, "errorBox") is not None, timeout=2000)
    error = wizard.findChild(QMessageBox, "errorBox")
    assert isinstance(error, QMessageBox)
    assert f"{us_transfer.reference} Support desk: importer" in error.text()
    assert "cannot be removed" in error.text()
    error.accept()
    assert us_transfer.importer_id in {e.id for e in entities.list_entities(db)}
    # The misspelt entity nobody uses goes: chosen, removed, gone from the list, the choice back to none.
    choose(importer.combo, typo.id)
    importer.remove_button.click()
    assert importer.confirmation is not None
    importer.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert typo.id not in {e.id for e in entities.list_entities(db)}
    assert importer.combo.findData(typo.id) < 0 and parties.exporter.combo.findData(typo.id) < 0
    assert importer.entity_id() == 0 and wizard.state.transfer_input.importer_id == 0
    assert not importer.edit_button.isEnabled() and not importer.remove_button.isEnabled()


def test_the_onward_dialog_follows_a_changed_sub_recipients_country(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    mumbai = factories.entity(db, legal, "Mumbai Helpdesk Pvt. Ltd.", "IN")
    manila = factories.entity(db, legal, "Manila Night Desk Inc.", "PH")
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_HANDLING)
    handling = wizard.page_for(PAGE_HANDLING)
    assert isinstance(handling, HandlingPage)
    handling.add_onward.click()
    dialog = handling.dialog
    assert isinstance(dialog, OnwardDialog)
    choose(dialog.recipient.combo, mumbai.id)
    assert dialog.country.code() == "IN"
    choose(dialog.recipient.combo, manila.id)  # a change of mind: the country follows
    assert dialog.country.code() == "PH"
    # A country the user chose themselves stays when the sub-recipient changes.
    dialog.country.set_code("SG")
    choose(dialog.recipient.combo, mumbai.id)
    assert dialog.country.code() == "SG"
    # Escape with an onward transfer entered and not added asks first; Discard closes.
    from PySide6.QtWidgets import QMessageBox

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    box = dialog.discard_question
    assert isinstance(box, QMessageBox) and dialog.isVisible()
    assert box.text() == "This onward transfer is not added. Discard what you entered?"
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert transfers.get_transfer(db, us_transfer.id).onward == ()


def test_escape_in_the_entity_dialog_asks_before_dropping_typed_details(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    from PySide6.QtWidgets import QMessageBox

    wizard = make_wizard(legal, None)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    parties.exporter.new_button.click()
    dialog = parties.exporter.dialog
    assert isinstance(dialog, EntityDialog)
    type_text(dialog.name, "Maison Client SAS")
    type_text(dialog.address, "12 rue de la Paix, Paris")

    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    box = dialog.discard_question
    assert isinstance(box, QMessageBox) and dialog.isVisible()
    assert box.text() == "The details you typed are not saved. Discard them?"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Keep editing"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape on the question keeps editing
    qtbot.waitUntil(lambda: dialog.discard_question is None)
    assert dialog.isVisible() and dialog.address.text() == "12 rue de la Paix, Paris"

    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dialog.discard_question is not None)
    assert dialog.discard_question is not None
    dialog.discard_question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert entities.list_entities(db) == []
    # Nothing typed: Escape closes at once.
    parties.exporter.new_button.click()
    empty = parties.exporter.dialog
    assert isinstance(empty, EntityDialog) and empty is not dialog
    qtbot.keyClick(empty.name, Qt.Key.Key_Escape)
    assert not empty.isVisible() and empty.discard_question is None
    wizard.close()


def test_an_entity_changed_by_someone_else_meanwhile_keeps_both_changes_or_what_was_typed(
    qtbot: QtBot, make_services: Callable[..., Services], db: Database, legal: Actor, admin: Actor
) -> None:
    import dataclasses

    e = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    dialog = EntityDialog(make_services(legal), entity=e)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = entities.EntityInput(
        **{f.name: getattr(e, f.name) for f in dataclasses.fields(entities.EntityInput)}
    )
    entities.update_entity(db, admin, e.id, dataclasses.replace(theirs, address="1 Market St"), e.row_version)
    # Different details: both are kept (before, the typed contact was refused and had to be typed again).
    dialog.contact_name.setText("Jane Doe")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = entities.get_entity(db, e.id)
    assert (stored.address, stored.contact_name) == ("1 Market St", "Jane Doe")

    # The same detail: told, the typed text stays, and saving again stores it over theirs.
    dialog = EntityDialog(make_services(legal), entity=stored)
    qtbot.addWidget(dialog)
    dialog.show()
    entities.update_entity(
        db, admin, e.id, dataclasses.replace(theirs, address="2 Market St"), stored.row_version
    )
    dialog.address.setText("500 Howard St")
    dialog.save()
    assert dialog.error.text() == (
        "Someone else changed the same details of this entity after you opened it; nothing was saved. Your "
        "entries are kept: save again to store them over theirs, or cancel to keep theirs."
    )
    assert dialog.address.text() == "500 Howard St" and dialog.ok.isEnabled()
    # The message below the form makes the dialog taller: it squeezed the form (the country box cut in half,
    # the certifications drawn over each other).
    assert squeezed(dialog) == [] and misfits(dialog) == []
    assert entities.get_entity(db, e.id).address == "2 Market St"
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert entities.get_entity(db, e.id).address == "500 Howard St"


def test_an_entity_removed_by_someone_else_meanwhile_is_said_without_its_database_number(
    qtbot: QtBot, make_services: Callable[..., Services], db: Database, legal: Actor, admin: Actor
) -> None:
    e = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    dialog = EntityDialog(make_services(legal), entity=e)
    qtbot.addWidget(dialog)
    dialog.show()
    entities.delete_entity(db, admin, e.id, e.row_version)
    dialog.address.setText("500 Howard St")
    dialog.save()
    assert dialog.error.text() == (
        "Someone removed this entity after you opened it; nothing was saved. Choose Cancel, then choose the "
        "entity again or record it anew."
    )
    assert str(e.id) not in dialog.error.text() and not dialog.ok.isEnabled()
    assert squeezed(dialog) == [] and misfits(dialog) == []
    dialog.reject()
    assert not dialog.isVisible()
