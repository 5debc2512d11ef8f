"""Users and roles: the accounts, add one, change a role, deactivate, reset a password, remove one (on a team
database also their PostgreSQL sign-in, issue #19)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts import users
from transfer_tool.accounts.users import MIN_PASSWORD, UserView
from transfer_tool.domain import Role
from transfer_tool.errors import ConflictError, Problem, ValidationError
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.accessibility import name_from_labels
from ui.admin.common import (
    Cell,
    MessageLine,
    ProblemLabels,
    RowsModel,
    problem_label,
    report_failure,
    selected_row,
    table_view,
    with_problem,
)
from ui.i18n import role_label
from ui.services import USERS, Services


def _role_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for role in (Role.LEGAL, Role.MANAGER, Role.ADMIN):
        combo.addItem(role_label(role), role)
    return combo


def _password(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UsersPage(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.services = services
        self.users: list[UserView] = []
        # An account as a refused save found it (someone else changed the same thing): the next save of
        # the same account is made over it, as the message says.
        self._theirs: UserView | None = None
        self.model = RowsModel(
            [self.tr("User name"), self.tr("Name"), self.tr("E-mail"), self.tr("Role"), self.tr("Status")],
            self,
        )
        self.table = table_view(self.model, self, "userTable", stretch=1, accessible=self.tr("User accounts"))
        self.table.selectionModel().selectionChanged.connect(self._selected)

        edit_box = QGroupBox(self.tr("Selected user"), self)
        self.edit_problems = ProblemLabels()
        self.edit_name = QLineEdit(edit_box)
        self.edit_name.setObjectName("editName")
        self.edit_role = _role_combo(edit_box, "editRole")
        self.edit_active = QCheckBox(self.tr("Active (may sign in)"), edit_box)
        self.edit_active.setObjectName("editActive")
        self.save_button = QPushButton(self.tr("Save changes"), edit_box)
        self.save_button.setObjectName("saveUser")
        self.save_button.clicked.connect(self.save_user)
        self.new_password = _password(edit_box, "resetPassword")
        self.new_repeat = _password(edit_box, "resetRepeat")
        self.reset_button = QPushButton(self.tr("Set this password"), edit_box)
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self.reset_password)
        form = QFormLayout(edit_box)
        p = self.edit_problems
        form.addRow(
            self.tr("Name:"), with_problem(self.edit_name, p.add("display_name", problem_label(edit_box)))
        )
        form.addRow(self.tr("Role:"), with_problem(self.edit_role, p.add("role", problem_label(edit_box))))
        form.addRow("", with_problem(self.edit_active, p.add("active", problem_label(edit_box))))
        form.addRow("", self.save_button)
        form.addRow(
            self.tr("New password:"),
            with_problem(self.new_password, p.add("password", problem_label(edit_box))),
        )
        form.addRow(self.tr("New password again:"), self.new_repeat)
        form.addRow("", self.reset_button)
        self.remove_button = QPushButton(self.tr("Remove the user…"), edit_box)
        self.remove_button.setObjectName("removeUser")
        self.remove_button.clicked.connect(self.remove_user)
        form.addRow("", self.remove_button)
        self.edit_box = edit_box

        add_box = QGroupBox(self.tr("Add a user"), self)
        self.add_problems = ProblemLabels()
        a = self.add_problems
        self.add_username = QLineEdit(add_box)
        self.add_username.setObjectName("addUsername")
        self.add_name = QLineEdit(add_box)
        self.add_name.setObjectName("addName")
        self.add_email = QLineEdit(add_box)
        self.add_email.setObjectName("addEmail")
        self.add_role = _role_combo(add_box, "addRole")
        self.add_password = _password(add_box, "addPassword")
        self.add_repeat = _password(add_box, "addRepeat")
        self.add_password.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSWORD))
        )
        self.add_button = QPushButton(self.tr("Add the user"), add_box)
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.add_user)
        add_form = QFormLayout(add_box)
        add_form.addRow(
            self.tr("User name:"), with_problem(self.add_username, a.add("username", problem_label(add_box)))
        )
        add_form.addRow(
            self.tr("Name:"), with_problem(self.add_name, a.add("display_name", problem_label(add_box)))
        )
        add_form.addRow(self.tr("E-mail:"), self.add_email)
        add_form.addRow(self.tr("Role:"), self.add_role)
        add_form.addRow(
            self.tr("Password:"), with_problem(self.add_password, a.add("password", problem_label(add_box)))
        )
        add_form.addRow(self.tr("Password again:"), self.add_repeat)
        add_form.addRow("", self.add_button)

        self.message = MessageLine(self, "usersMessage")
        right = QVBoxLayout()
        right.addWidget(edit_box)
        right.addWidget(add_box)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addLayout(right, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top, 1)
        lay.addWidget(self.message)
        self.edit_box.setEnabled(False)
        self.reload()
        name_from_labels(self)  # screen readers name each field after its label

    def reload(self, select: int | None = None) -> None:
        actor = self.services.actor
        self.services.worker.submit(
            lambda db: users.list_users(db, actor),
            lambda found: self._loaded(found, select),
            self._refused,
            owner=self,
            label="users",
        )

    def _refused(self, exc: BaseException) -> None:
        report_failure(self, exc, self.message)
        self.setEnabled(False)
        self.message.setEnabled(True)

    def _loaded(self, found: list[UserView], select: int | None) -> None:
        self.users = found
        rows = [
            [
                Cell(u.username),
                Cell(u.display_name),
                Cell(u.email),
                Cell(role_label(u.role)),
                Cell(self.tr("Active"), foreground="#1e7d32")
                if u.active
                else Cell(self.tr("Deactivated"), foreground="#b3261e"),
            ]
            for u in found
        ]
        self.model.set_rows(rows, [u.id for u in found])
        if select is not None and self.model.row_of(select) >= 0:
            self.table.selectRow(self.model.row_of(select))
        self.loaded.emit()

    def current(self) -> UserView | None:
        row = selected_row(self.table)
        return self.users[row] if 0 <= row < len(self.users) else None

    def has_unsaved_changes(self) -> bool:
        """A user being added, a password being set, or the selected user's fields changed, not saved yet."""
        typed = (self.add_username, self.add_name, self.add_email, self.add_password, self.add_repeat)
        if any(w.text() for w in (*typed, self.new_password, self.new_repeat)):
            return True
        u = self.current()
        return u is not None and (
            self.edit_name.text() != u.display_name
            or self.edit_role.currentData() != u.role
            or self.edit_active.isChecked() != u.active
        )

    def select_user(self, username: str) -> bool:
        for i, u in enumerate(self.users):
            if u.username == username:
                self.table.selectRow(i)
                return True
        return False

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._theirs = None
        u = self.current()
        self.edit_box.setEnabled(u is not None)
        self.edit_problems.clear()
        if u is None:
            return
        self.edit_box.setTitle(self.tr("Selected user: %1").replace("%1", u.username))
        self.edit_name.setText(u.display_name)
        self.edit_role.setCurrentIndex(max(0, self.edit_role.findData(u.role)))
        self.edit_active.setChecked(u.active)
        self.new_password.clear()
        self.new_repeat.clear()

    def _submit(
        self,
        fn: Any,
        done_text: str,
        problems: ProblemLabels,
        select: int | None,
        then: Any = None,
    ) -> None:
        def done(view: UserView) -> None:
            self._theirs = None
            if then is not None:
                then()
            self.message.ok(done_text.replace("%1", view.username))
            self.services.changes.notify(USERS)
            self.reload(select if select is not None else view.id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError) and isinstance(exc.theirs, UserView):
                self._theirs = exc.theirs  # the form keeps what was typed
            report_failure(self, exc, self.message, problems)

        problems.clear()
        self.services.worker.submit(fn, done, failed, owner=self, label="users")

    def save_user(self) -> None:
        u = self.current()
        if u is None:
            return
        actor = self.services.actor
        name, role, active = (
            self.edit_name.text(),
            Role(self.edit_role.currentData()),
            self.edit_active.isChecked(),
        )
        read = self._theirs if self._theirs is not None and self._theirs.id == u.id else u
        self._submit(
            # What the page read: another administrator's change made since to the rest is not undone.
            lambda db: users.update_user(
                db, actor, u.id, role=role, active=active, display_name=name, read=read
            ),
            self.tr("Saved the changes to %1."),
            self.edit_problems,
            u.id,
        )

    def reset_password(self) -> None:
        u = self.current()
        if u is None:
            return
        password = self.new_password.text()
        if password != self.new_repeat.text():
            report_failure(
                self,
                ValidationError(
                    self.tr("The password was not changed."),
                    [Problem("password", self.tr("the two passwords differ"))],
                ),
                self.message,
                self.edit_problems,
            )
            return
        actor = self.services.actor
        self._submit(
            lambda db: users.update_user(db, actor, u.id, password=password),
            self.tr("%1 has a new password. Tell them through a safe channel."),
            self.edit_problems,
            u.id,
            self._clear_new_password,
        )

    def remove_user(self) -> None:
        u = self.current()
        if u is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove this user?"),
            self.tr(
                "%1 will no longer be able to sign in, and their sign-in to a shared database is deleted. "
                "Their name stays in the audit log and on their transfers. Remove the user?"
            ).replace("%1", u.display_name or u.username),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.services.actor
        self._submit(
            lambda db: users.remove_user(db, actor, u.id),
            self.tr("Removed %1."),
            self.edit_problems,
            u.id,
        )

    def _clear_new_password(self) -> None:
        self.new_password.clear()
        self.new_repeat.clear()

    def add_user(self) -> None:
        password = self.add_password.text()
        if password != self.add_repeat.text():
            report_failure(
                self,
                ValidationError(
                    self.tr("The account was not created."),
                    [Problem("password", self.tr("the two passwords differ"))],
                ),
                self.message,
                self.add_problems,
            )
            return
        actor = self.services.actor
        username, name, email = (
            self.add_username.text().strip(),
            self.add_name.text(),
            self.add_email.text().strip(),
        )
        role = Role(self.add_role.currentData())

        def create(db: DatabaseHandle) -> UserView:
            return users.create_user(db, actor, username, name, password, role, email)

        def clear() -> None:
            for edit in (
                self.add_username,
                self.add_name,
                self.add_email,
                self.add_password,
                self.add_repeat,
            ):
                edit.clear()

        self._submit(create, self.tr("Added %1."), self.add_problems, None, clear)
