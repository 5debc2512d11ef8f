"""Sign-in: on the first run it creates the administrator account, afterwards it checks name and password.

The checks are the services' (`users.create_first_admin`, `users.authenticate`); the dialog only shows
their messages beside the field concerned. Enter submits, Escape cancels. Calls run on the worker, so the
password hashing never freezes the window.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts import users
from transfer_tool.accounts.users import UserView
from transfer_tool.errors import AuthenticationFailed, ToolError, ValidationError
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.errors import show_exception
from ui.widgets.window_fit import grow_on_layout_request
from ui.workers import DbWorker

ERROR_STYLE = "color: #b3261e;"


class _Field:
    """An input with its own error label underneath."""

    def __init__(self, edit: QLineEdit, parent: QWidget) -> None:
        self.edit = edit
        self.error = QLabel(parent)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.box = QWidget(parent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(edit)
        layout.addWidget(self.error)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.edit.setAccessibleDescription(text)


class SignInDialog(QDialog):
    """`signed_in(UserView)` then `accept()` on success; `reject()` on Escape/Cancel."""

    signed_in = Signal(object)

    def __init__(
        self, worker: DbWorker, first_run: bool, database_label: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.first_run = first_run
        self.user: UserView | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Create the administrator account") if first_run else self.tr("Sign in"))
        self.setMinimumWidth(440)

        self.heading = QLabel(self.tr("Transfer tool"), self)
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "This is the first start on this database. Create the administrator account: the administrator "
                "manages users, country data and catalogues."
            )
            if first_run
            else self.tr("Sign in with your user name and password.")
        )

        self.username = self._edit("username", self.tr("User name"))
        self.display_name = self._edit("displayName", self.tr("Full name"))
        self.display_name.setPlaceholderText(self.tr("As it should appear on reports"))
        self.password = self._edit("password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = self._edit("repeatPassword", self.tr("Repeat the password"))
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if first_run:
            self.password.setPlaceholderText(
                self.tr("At least %1 characters").replace("%1", str(users.MIN_PASSWORD))
            )

        self.fields = {
            "username": _Field(self.username, self),
            "display_name": _Field(self.display_name, self),
            "password": _Field(self.password, self),
            "repeat": _Field(self.repeat, self),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&User name:"), self.fields["username"].box)
        if first_run:
            form.addRow(self.tr("&Full name:"), self.fields["display_name"].box)
        form.addRow(self.tr("&Password:"), self.fields["password"].box)
        if first_run:
            form.addRow(self.tr("&Repeat password:"), self.fields["repeat"].box)
        for key in ("username", "display_name", "password", "repeat"):
            label = form.labelForField(self.fields[key].box)
            if isinstance(label, QLabel):
                label.setBuddy(self.fields[key].edit)
        self.display_name.setVisible(first_run)
        self.repeat.setVisible(first_run)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create account") if first_run else self.tr("Sign in"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.database = QLabel(self)
        self.database.setObjectName("databaseLabel")
        self.database.setStyleSheet("color: #5f6b7a;")
        self.database.setWordWrap(True)
        self.database.setText(self.tr("Database: %1").replace("%1", database_label) if database_label else "")
        self.database.setVisible(bool(database_label))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.database)
        layout.addWidget(self.buttons)

        order = [self.username, *([self.display_name] if first_run else []), self.password]
        order += [self.repeat] if first_run else []
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        QWidget.setTabOrder(order[-1], self.buttons)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    # ---- submitting ---------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        grow_on_layout_request(self, event)  # a message shown under a field makes the dialog taller
        return handled

    def clear_errors(self) -> None:
        for f in self.fields.values():
            f.show_error("")
        self.general_error.hide()

    def submit(self) -> None:
        self.clear_errors()
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.fields["username"].show_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        if self.first_run:
            if password != self.repeat.text():
                self.fields["repeat"].show_error(
                    self.tr("The two passwords differ; type the same password twice.")
                )
                self.repeat.selectAll()
                self.repeat.setFocus()
                return
            display_name = self.display_name.text()

            def call(db: DatabaseHandle) -> UserView:
                return users.create_first_admin(db, username, display_name, password)

        else:

            def call(db: DatabaseHandle) -> UserView:
                return users.authenticate(db, username, password)

        self._set_busy(True)
        self._worker.submit(call, self._succeeded, self._failed, owner=self, label="sign in")

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        for f in self.fields.values():
            f.edit.setReadOnly(busy)

    def _succeeded(self, user: UserView) -> None:
        self._set_busy(False)
        self.user = user
        self.signed_in.emit(user)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, AuthenticationFailed):
            self.fields["password"].show_error(exc.message)
            self.password.clear()
            self.password.setFocus()
        elif isinstance(exc, ValidationError):
            shown = False
            for problem in exc.problems:
                if problem.location in self.fields:
                    self.fields[problem.location].show_error(problem.message)
                    shown = True
            if not shown:
                self._show_general(exc.details())
        elif isinstance(exc, ToolError):
            self._show_general(exc.message)
        else:
            show_exception(self, exc)

    def _show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
