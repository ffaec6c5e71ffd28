"""Welsh for Qt's own words, by Qt context and English source (``build.py`` writes ``qtbase_cy.ts`` from it).

Qt ships no Welsh (there is no qtbase_cy.qm among PySide6's translations), so without this the Welsh app
showed Qt's English on every standard button (OK, Cancel, Close), in the text fields' right-click menus
(Undo, Cut, Paste, Select All), on the spin boxes' menus, in the file chooser and the colour chooser.

The contexts and sources are Qt's exactly: a source Qt does not use is never looked up, so
tests/test_ui_i18n.py checks each one against a translation Qt ships (qtbase_de.qm). Only what the app can
show is here (not Qt's network, SQL or printing words). The words match the app's own where both say the
same thing ("Canslo" as on the wizard, "Cau", "&Nesaf >"); delete (of text or a file) is the word the term
table keeps from meaning void (di-rym), allowed here in Qt's own phrases only. "&" marks the mnemonic, chosen so no two items of one menu or one dialog share a letter:
the spin box's menu is the line edit's with "Select All", "Step up" and "Step down" put in. Key names
Qt reads back as shortcuts (Alt+Left) stay as they are.
"""

from __future__ import annotations

_EDITING = {
    "&Undo": "&Dadwneud",
    "&Redo": "&Ailwneud",
    "Cu&t": "&Torri",
    "&Copy": "&Copïo",
    "&Paste": "&Gludo",
    "Delete": "Dileu",
    "Select All": "Dewis y cyfan",
}

QT_WELSH: dict[str, dict[str, str]] = {
    "QPlatformTheme": {  # the standard buttons of every QDialogButtonBox and QMessageBox
        "OK": "Iawn",
        "Save": "Cadw",
        "Save All": "Cadw'r cyfan",
        "Open": "Agor",
        "&Yes": "&Ie",
        "Yes to &All": "Ie i &bob un",
        "&No": "&Na",
        "N&o to All": "Na i b&ob un",
        "Abort": "Rhoi'r gorau iddi",
        "Retry": "Ceisio eto",
        "Ignore": "Anwybyddu",
        "Close": "Cau",
        "Cancel": "Canslo",
        "Discard": "Gwaredu",
        "Help": "Cymorth",
        "Apply": "Gweithredu",
        "Reset": "Ailosod",
        "Restore Defaults": "Adfer y rhagosodiadau",
    },
    "QDialogButtonBox": {"OK": "Iawn"},
    "QGnomeTheme": {  # the same buttons when Qt runs under GNOME's platform theme
        "&OK": "&Iawn",
        "&Save": "&Cadw",
        "&Cancel": "C&anslo",
        "&Close": "&Cau",
        "Close without Saving": "Cau heb gadw",
    },
    "QWizard": {
        "< &Back": "< &Yn ôl",
        "Go Back": "Mynd yn ôl",
        "&Next": "&Nesaf",
        "&Next >": "&Nesaf >",
        "Continue": "Parhau",
        "Commit": "Ymrwymo",
        "Done": "Wedi gorffen",
        "&Finish": "&Gorffen",
        "Cancel": "Canslo",
        "&Help": "&Cymorth",
        "Help": "Cymorth",
    },
    "QLineEdit": dict(_EDITING),  # a text field's right-click menu
    "QWidgetTextControl": {**_EDITING, "Copy &Link Location": "Copïo cyfeiriad y &ddolen"},  # text areas
    "QAbstractSpinBox": {  # number and date fields: the line edit's menu with these put in
        "&Select All": "Dewis y cyfa&n",
        "&Step up": "C&ynyddu",
        "Step &down": "&Lleihau",
    },
    "QMessageBox": {
        "Show Details...": "Dangos y manylion...",
        "Hide Details...": "Cuddio'r manylion...",
        "About Qt": "Ynghylch Qt",
    },
    "QDialog": {"What's This?": "Beth yw hwn?"},
    "QWhatsThisAction": {"What's This?": "Beth yw hwn?"},
    "QProgressDialog": {"Cancel": "Canslo"},
    "QInputDialog": {"Enter a value:": "Rhowch werth:"},
    "QFileDialog": {
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nNi chafwyd hyd i'r ffolder.\nGwiriwch fod enw'r ffolder yn gywir.",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nNi chafwyd hyd i'r ffeil.\nGwiriwch fod enw'r ffeil yn gywir.",
        "%1 already exists.\nDo you want to replace it?": "Mae %1 yn bodoli eisoes.\nYdych chi am roi'r un newydd yn ei le?",
        "'%1' is write protected.\nDo you want to delete it anyway?":
            "Mae '%1' wedi'i ddiogelu rhag newid.\nYdych chi am ei ddileu beth bynnag?",
        "Are you sure you want to delete '%1'?": "Ydych chi'n siŵr eich bod am ddileu '%1'?",
        "Could not delete directory.": "Methu dileu'r ffolder.",
        "&Choose": "&Dewis",
        "&Open": "&Agor",
        "&Save": "&Cadw",
        "Open": "Agor",
        "Save As": "Cadw fel",
        "Find Directory": "Dewis ffolder",
        "&Look in:": "Edrych &yn:",
        "File &name:": "Enw'r &ffeil:",
        "Files of &type:": "&Math o ffeil:",
        "Directory:": "Ffolder:",
        "All Files (*)": "Pob ffeil (*)",
        "All files (*)": "Pob ffeil (*)",
        "Directories": "Ffolderi",
        "Files": "Ffeiliau",
        "Back": "Yn ôl",
        "Forward": "Ymlaen",
        "Go back": "Mynd yn ôl",
        "Go forward": "Mynd ymlaen",
        "Parent Directory": "Ffolder uwch",
        "Go to the parent directory": "Mynd i'r ffolder uwch",
        "New Folder": "Ffolder newydd",
        "Create New Folder": "Creu ffolder newydd",
        "Create a New Folder": "Creu ffolder newydd",
        "List View": "Golwg rhestr",
        "Detail View": "Golwg fanwl",
        "Change to list view mode": "Newid i olwg rhestr",
        "Change to detail view mode": "Newid i olwg fanwl",
        "Sidebar": "Bar ochr",
        "List of places and bookmarks": "Rhestr o leoedd a nodau tudalen",
        "Recent Places": "Lleoedd diweddar",
        "Alt+Left": "Alt+Left",
        "Alt+Right": "Alt+Right",
        "Alt+Up": "Alt+Up",
        # the file list's right-click menu
        "&Rename": "&Ailenwi",
        "&Delete": "&Dileu",
        "Delete": "Dileu",
        "Remove": "Tynnu",
        "Show &hidden files": "Dangos ffeiliau &cudd",
        "&New Folder": "Ffolder &newydd",
    },
    "QFileSystemModel": {  # the file chooser's column heads
        "Name": "Enw",
        "Size": "Maint",
        "Type": "Math",
        "Kind": "Math",
        "Date Modified": "Dyddiad newid",
        "Computer": "Cyfrifiadur",
        "My Computer": "Fy nghyfrifiadur",
    },
    "QAbstractFileIconProvider": {  # the file chooser's Type column
        "Alias": "Arallenw",
        "Drive": "Gyriant",
        "File": "Ffeil",
        "File Folder": "Ffolder ffeiliau",
        "Folder": "Ffolder",
        "Shortcut": "Llwybr byr",
        "Unknown": "Anhysbys",
    },
    "QColorDialog": {  # the wizard's class colours
        "Select Color": "Dewis lliw",
        "&Basic colors": "&Lliwiau sylfaenol",
        "&Custom colors": "Lliwiau &personol",
        "&Add to Custom Colors": "&Ychwanegu at y lliwiau personol",
        "&Pick Screen Color": "Codi lliw o'r &sgrin",
        "Cursor at %1, %2\nPress ESC to cancel": "Cyrchwr yn %1, %2\nPwyswch ESC i ganslo",
        "Hu&e:": "Arlli&w:",
        "&Sat:": "Dirlaw&nder:",
        "&Val:": "Gwe&rth:",
        "&Red:": "&Coch:",
        "&Green:": "&Gwyrdd:",
        "Bl&ue:": "Gl&as:",
        "A&lpha channel:": "Sianel al&ffa:",
        "&HTML:": "&HTML:",
    },
    "QComboBox": {  # read out by screen readers
        "Open the combo box selection popup": "Agor rhestr y blwch dewis",
        "True": "Gwir",
        "False": "Gau",
    },
    "QScrollBar": {  # a scroll bar's right-click menu
        "Scroll here": "Sgrolio yma",
        "Left edge": "Ymyl chwith",
        "Top": "Brig",
        "Right edge": "Ymyl dde",
        "Bottom": "Gwaelod",
        "Page left": "Tudalen i'r chwith",
        "Page up": "Tudalen i fyny",
        "Page right": "Tudalen i'r dde",
        "Page down": "Tudalen i lawr",
        "Scroll left": "Sgrolio i'r chwith",
        "Scroll up": "Sgrolio i fyny",
        "Scroll right": "Sgrolio i'r dde",
        "Scroll down": "Sgrolio i lawr",
    },
    "QTabBar": {"Scroll Left": "Sgrolio i'r chwith", "Scroll Right": "Sgrolio i'r dde"},
    "CloseButton": {"Close Tab": "Cau'r tab"},
}
