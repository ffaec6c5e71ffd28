"""The registration desk: find a member (typed or by scanning their card), check in and out, proxies, packs.

The desk is operated at speed with a queue in front of it, so: the search box has the focus, a card
scanner types into it and Enter finds the member, the obvious next action then has the focus (Enter
again does it), and after each action the focus goes back to the search box. Every rule (lapsed
members, proxy limits, packs never given twice) is the service's; the desk shows what it says.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.ui.desk_advance import enter_directed_form, voted_before_lines
from coopvote.ui.desk_panels import PackPanel, QuorumPanel, SpoiltPanel
from coopvote.ui.look import arg, current_language
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable

if TYPE_CHECKING:
    from coopvote.service import DeskRole, MeetingService, PapersRole, SetupRole


def card_member(desk: DeskRole, text: str) -> tuple[str | None, str]:
    """(member number, '') for a good card scan, or (None, why not) in the language in use."""
    from coopvote.ballots.qrcodec import QrRejected
    from coopvote.ballots.texts import rejection_message

    try:
        return desk.card_member(text), ""
    except QrRejected as rejected:
        return None, rejection_message(rejected, current_language())


class DeskPage(Retranslatable, QWidget):
    COLUMNS = 6

    @classmethod
    def for_meeting(cls, service: MeetingService, parent: QWidget | None = None) -> DeskPage:
        """The desk gets the desk, set-up (reading members) and papers (spoilt papers, cards): no vote can be opened, closed or counted from here."""
        page = cls(service.desk, service.setup, service.papers, parent)
        page.advance = service.advance  # reads a member's standing only: what they voted on before the meeting
        return page

    def __init__(self, desk: DeskRole, setup: SetupRole, papers: PapersRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setup = setup
        self.papers = papers
        self.current: Any = None  # MemberView
        self.advance: Any = None  # AdvanceRole, when the page is built for a meeting
        self._classes: Any = None
        self._shown_before = False
        self.results: list[Any] = []
        self.banner = MessageBanner(self)

        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.search.returnPressed.connect(self.search_entered)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self._focus_primary())

        self.member_title = BigLabel(1.5, True, self)
        self.member_title.setObjectName("memberTitle")
        self.member_detail = QLabel(self)
        self.member_detail.setWordWrap(True)
        self.check_in_button = QPushButton(self)
        self.check_out_button = QPushButton(self)
        self.pack_button = QPushButton(self)
        self.check_in_button.clicked.connect(self.check_in)
        self.check_out_button.clicked.connect(self.check_out)
        self.pack_button.clicked.connect(self.issue_pack)

        self.proxy_box = QGroupBox(self)
        self.holder = QLineEdit(self.proxy_box)
        self.holder_label = QLabel(self.proxy_box)
        self.holder_label.setBuddy(self.holder)
        self.chair_holds = QCheckBox(self.proxy_box)
        self.chair_holds.toggled.connect(lambda on: self.holder.setEnabled(not on))
        self.directed = QCheckBox(self.proxy_box)
        self.instructions = QLineEdit(self.proxy_box)
        self.instructions_label = QLabel(self.proxy_box)
        self.instructions_label.setBuddy(self.instructions)
        self.proxy_button = QPushButton(self.proxy_box)
        self.cancel_proxy_button = QPushButton(self.proxy_box)
        self.proxy_button.clicked.connect(self.appoint_proxy)
        self.holder.returnPressed.connect(self.appoint_proxy)
        self.cancel_proxy_button.clicked.connect(self.cancel_proxy)
        proxy_grid = QGridLayout(self.proxy_box)
        proxy_grid.addWidget(self.holder_label, 0, 0)
        proxy_grid.addWidget(self.holder, 0, 1)
        proxy_grid.addWidget(self.chair_holds, 0, 2)
        proxy_grid.addWidget(self.instructions_label, 1, 0)
        proxy_grid.addWidget(self.instructions, 1, 1)
        proxy_grid.addWidget(self.directed, 1, 2)
        proxy_grid.addWidget(self.proxy_button, 2, 1)
        proxy_grid.addWidget(self.cancel_proxy_button, 2, 2)

        self.packs = PackPanel(self)
        self.quorum = QuorumPanel(desk, setup, self)
        self.spoilt = SpoiltPanel(papers, setup, self)
        self.spoilt.spoilt.connect(self._spoilt)
        self.spoilt.refused.connect(self.banner.show_error)
        self.cards_button = QPushButton(self)
        self.cards_button.clicked.connect(lambda: self.open_printing())

        actions = QHBoxLayout()
        for button in (self.check_in_button, self.check_out_button, self.pack_button):
            button.setAutoDefault(True)
            button.setMinimumHeight(int(button.sizeHint().height() * 1.6))
            actions.addWidget(button)
        for button in (self.proxy_button, self.cancel_proxy_button, self.cards_button):
            button.setAutoDefault(True)

        left = QVBoxLayout()
        left.addWidget(self.search_label)
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        left.addWidget(self.member_title)
        left.addWidget(self.member_detail)
        left.addLayout(actions)
        left.addWidget(self.packs)
        left.addWidget(self.proxy_box)
        right_widget = QWidget(self)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.quorum)
        right.addWidget(self.spoilt)
        right.addWidget(self.cards_button)
        right.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(right_widget)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, never scroll sideways
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        order = [self.search, self.table, self.check_in_button, self.check_out_button, self.pack_button,
                 self.holder, self.chair_holds, self.instructions, self.directed, self.proxy_button,
                 self.cancel_proxy_button, self.spoilt.item, self.spoilt.serial, self.spoilt.reason,
                 self.spoilt.button, self.cards_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.search)
        self.retranslate()
        self.show_member(None)

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Find a member: type a name or number, or scan their card"))
        self.search.setPlaceholderText(self.tr("name, membership number or card scan"))
        self.search.setAccessibleName(self.tr("Find a member"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Name"), self.tr("Class"),
                                              self.tr("Status"), self.tr("Here"), self.tr("Proxies held")])
        self.table.setAccessibleName(self.tr("Members found"))
        self.check_in_button.setText(self.tr("Check &in"))
        self.check_in_button.setAccessibleName(self.tr("Check in"))
        self.check_out_button.setText(self.tr("Check &out"))
        self.check_out_button.setAccessibleName(self.tr("Check out"))
        self.pack_button.setText(self.tr("Give &ballot packs"))
        self.pack_button.setAccessibleName(self.tr("Give ballot packs"))
        self.proxy_box.setTitle(self.tr("Proxy form handed in for this member"))
        self.holder_label.setText(self.tr("Pro&xy holder (number):"))
        self.holder.setAccessibleName(self.tr("Membership number of the proxy holder"))
        self.chair_holds.setText(self.tr("The chai&r holds it"))
        self.directed.setText(self.tr("&Directed"))
        self.instructions_label.setText(self.tr("Instr&uctions:"))
        self.instructions.setPlaceholderText(self.tr("Directed: 1=for; 2=3,1,2; 3=discretion"))
        self.instructions.setAccessibleName(self.tr("Instructions on the proxy form"))
        self.proxy_button.setText(self.tr("Record &proxy"))
        self.proxy_button.setAccessibleName(self.tr("Record proxy"))
        self.cancel_proxy_button.setText(self.tr("C&ancel proxy"))
        self.cancel_proxy_button.setAccessibleName(self.tr("Cancel proxy"))
        self.cards_button.setText(self.tr("Pri&nt papers, packs and cards…"))
        self.cards_button.setAccessibleName(self.tr("Print papers, packs and cards"))
        self._fill_table()
        self.show_member(self.current)

    def activate(self) -> None:
        """Called when the desk is shown: fresh figures (other stations may have moved on), focus in the search."""
        if self._shown_before:
            self.quorum.refresh()
            if self.current is not None:
                # The member shown may have voted since (an envelope received on the advance page): show it now.
                with contextlib.suppress(CoopvoteError):
                    self.show_member(self.setup.member(self.current.number))
        self._shown_before = True
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self._back_to_search)  # with self as context: dropped if the page goes

    # -- finding -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.table.rowCount()):
            row = self.table.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.table.selectRow(max(0, min(row, self.table.rowCount() - 1)))
            return True
        return super().eventFilter(watched, event)

    def search_entered(self) -> None:
        """Enter in the search box: a card scan picks its member; otherwise the search runs now."""
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            return
        if text.upper().startswith("CV"):
            number, why = card_member(self.desk, text)
            if number is None:
                self.banner.show_error(arg(self.tr("That code was not accepted: %1"), why))
                self.search.selectAll()
                return
            self.search.setText(number)
            text = number
        self.run_search()
        exact = [m for m in self.results if m.number.casefold() == text.casefold()]
        if exact or len(self.results) == 1:
            self.select_member((exact or self.results)[0].number)
            self._focus_primary()
        elif not self.results:
            self.banner.show_error(arg(self.tr("No member matches “%1”."), text))
            self.search.selectAll()
        else:
            self.table.setFocus()

    def run_search(self) -> None:
        try:
            self.results = self.setup.find_members(self.search.text())
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self._fill_table()
        self.table.clearSelection()
        if self.results:
            self.table.selectRow(0)
        self.show_member(self.results[0] if self.results else None)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.results))
        for row, member in enumerate(self.results):
            values = [member.number, member.name, member.class_code, self._status_word(member.status),
                      self.tr("yes") if member.present else self.tr("no"), ", ".join(member.proxy_held_for)]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _status_word(self, status: str) -> str:
        return {"active": self.tr("active"), "lapsed": self.tr("lapsed")}.get(status, status)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.results):
            self.show_member(self.results[row])

    def select_member(self, number: str) -> None:
        try:
            member = self.setup.member(number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        for row, found in enumerate(self.results):
            if found.number == member.number:
                self.table.selectRow(row)
        self.show_member(member)

    # -- the member panel --------------------------------------------------------------------------

    def show_member(self, member: Any) -> None:
        self.current = member
        has = member is not None
        if self.packs.packs and (not has or member.number != self.packs.member):
            self.packs.show_packs("", [])  # the last hand-out was someone else's
        for widget in (self.check_in_button, self.check_out_button, self.pack_button, self.proxy_box):
            widget.setEnabled(has)
        if not has:
            self.member_title.setText(self.tr("No member chosen"))
            self.member_detail.setText(self.tr("Find a member above to check them in, hand over their ballot "
                                               "packs or record a proxy."))
            return
        self.member_title.setText(arg(self.tr("%1 – %2"), member.name, member.number))
        self.member_title.setAccessibleName(self.member_title.text())
        lines = [arg(self.tr("Class: %1"), self._class_name(member.class_code)),
                 arg(self.tr("Status: %1"), self._status_word(member.status)),
                 self.tr("Checked in") if member.present else self.tr("Not checked in")]
        if member.proxy_held_for:
            lines.append(arg(self.tr("Holds proxies for: %1"), ", ".join(member.proxy_held_for)))
        if member.proxy_given_to == "chair":
            lines.append(self.tr("Has appointed the chair as proxy"))
        elif member.proxy_given_to:
            lines.append(arg(self.tr("Has appointed %1 as proxy"), member.proxy_given_to))
        lines += voted_before_lines(self.advance, member.number)
        self.member_detail.setText("\n".join(lines))
        self.member_detail.setAccessibleName(self.member_detail.text())
        self.check_in_button.setEnabled(not member.present)
        self.check_out_button.setEnabled(member.present)
        self.pack_button.setEnabled(member.present)
        self.cancel_proxy_button.setEnabled(bool(member.proxy_given_to))

    def _class_name(self, code: str) -> str:
        if self._classes is None:
            try:
                self._classes = self.setup.meeting().classes  # fixed for the meeting: read once
            except CoopvoteError:
                return code
        for c in self._classes:
            if c.code == code:
                return arg(self.tr("%1 (%2)"), c.name_cy if current_language() == "cy" else c.name_en, code)
        return code

    def _focus_primary(self) -> None:
        member = self.current
        if member is None:
            return
        target: QWidget = self.pack_button if member.present else self.check_in_button
        if not target.isEnabled():
            target = self.search
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_after(self, number: str) -> None:
        try:
            member = self.setup.member(number)
        except CoopvoteError:
            member = None
        self.results = [member if member is not None and m.number == member.number else m for m in self.results]
        self._fill_table()
        self.show_member(member)
        self.quorum.refresh()

    def _back_to_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    # -- actions -----------------------------------------------------------------------------------

    def check_in(self) -> None:
        member = self.current
        if member is None:
            return
        try:
            notes = self.desk.check_in(member.number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        message = arg(self.tr("%1 is checked in."), member.name)
        if notes:
            message = "\n".join([message, *map(str, notes)])
        self.banner.show_ok(message)
        self._refresh_after(member.number)
        self.pack_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_out(self) -> None:
        member = self.current
        if member is None:
            return
        try:
            self.desk.check_out(member.number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.banner.show_ok(arg(self.tr("%1 is checked out."), member.name))
        self._refresh_after(member.number)
        self._back_to_search()

    def issue_pack(self) -> None:
        member = self.current
        if member is None:
            return
        try:
            packs = self.desk.issue_pack(member.number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.packs.show_packs(member.number, packs)
        self.banner.show_ok(self.packs.text())
        self._refresh_after(member.number)
        self._back_to_search()

    def appoint_proxy(self) -> None:
        member = self.current
        if member is None:
            return
        holder = None if self.chair_holds.isChecked() else self.holder.text().strip()
        if holder == "":
            self.banner.show_error(self.tr("Type the proxy holder's membership number, or tick “The chair holds it”."))
            self.holder.setFocus()
            return
        notes: list[str] = []
        try:
            if self.directed.isChecked() and self.advance is not None:
                notes = enter_directed_form(self.advance, member.number, holder, self.instructions.text())
            else:
                self.desk.appoint_proxy(member.number, holder, directed=self.directed.isChecked(),
                                        instructions=self.instructions.text().strip())
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        if notes:
            self.banner.show_message("\n".join(notes), "warn")
        elif self.directed.isChecked() and self.advance is not None:
            self.banner.show_ok(arg(self.tr("Directed proxy entered for %1: the directed votes are counted, with no "
                                            "paper; the holder gets papers for the other items only."), member.name))
        elif holder is None:
            self.banner.show_ok(arg(self.tr("Proxy recorded: the chair holds %1's vote."), member.name))
        else:
            self.banner.show_ok(arg(self.tr("Proxy recorded: %1 holds %2's vote."), holder, member.name))
        self.holder.clear()
        self.instructions.clear()
        self.directed.setChecked(False)
        self.chair_holds.setChecked(False)
        self._refresh_after(member.number)
        self._back_to_search()

    def cancel_proxy(self) -> None:
        member = self.current
        if member is None:
            return
        try:
            self.desk.cancel_proxy(member.number, "cancelled at the desk")
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.banner.show_ok(arg(self.tr("%1's proxy is cancelled."), member.name))
        self._refresh_after(member.number)

    def _spoilt(self, item: int, serial: int) -> None:
        self.banner.show_ok(arg(self.tr("Paper %1 of item %2 is void. Hand over a fresh paper for item %2 from the "
                                    "stock."), str(serial), str(item)))
        self._back_to_search()

    def open_printing(self, kind: str = "papers") -> QWidget:
        """Papers, slips, packs or membership cards, with a preview: see ``ui/printing.py``."""
        from coopvote.ui.printing import open_printing

        return open_printing(self.setup, self.papers, self, kind)

    def print_cards(self) -> QWidget:
        """Membership cards: the printing window, on cards."""
        return self.open_printing("cards")

    def write_cards(self, path: str, *, open_after: bool = True) -> bool:
        from coopvote.ui.desk_cards import write_membership_cards

        try:
            count = write_membership_cards(self.papers, path)
        except (CoopvoteError, OSError) as error:
            self.banner.show_error(str(error))
            return False
        self.banner.show_ok(arg(self.tr("Membership cards saved to %1 (%2 cards)."), path, count))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return True
