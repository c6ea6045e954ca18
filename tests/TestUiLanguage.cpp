// The screens in the language chosen, Qt's own strings included (buttons, wizard, message
// boxes), dates written as that language writes them, role names in words; the question
// that discards a form defaults to the harmless answer; and no two keyboard shortcuts of a
// screen share a letter, in French or in English.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RecordFormWidget.h"
#include "SetupWizard.h"
#include "Store.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWizard>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

namespace {

// The letter Alt+letter goes to, lower case; none for "&&" or no "&".
QChar mnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every shortcut letter a person can use on what the window shows now, with who has it.
QMultiHash<QChar, QString> visibleMnemonics(QMainWindow& window)
{
    QMultiHash<QChar, QString> letters;
    auto add = [&letters](const QString& text, const QString& owner) {
        const QChar letter = mnemonic(text);
        if (!letter.isNull())
            letters.insert(letter, owner + u" \""_s + text + u'"');
    };
    for (QAction* menu : window.menuBar()->actions())
        add(menu->text(), u"menu"_s);
    for (QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
        if (button->isVisible())
            add(button->text(), button->objectName());
    }
    for (QLabel* label : window.findChildren<QLabel*>()) {
        if (label->isVisible() && label->buddy())
            add(label->text(), label->objectName());
    }
    for (QGroupBox* group : window.findChildren<QGroupBox*>()) {
        if (group->isVisible())
            add(group->title(), group->objectName());
    }
    for (QTabBar* tabs : window.findChildren<QTabBar*>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i), u"tab"_s);
    }
    return letters;
}

// Inputs drawn wider than what they hold could need (a 1,200-pixel postal code).
QStringList tooWide(QMainWindow& window, const QString& where)
{
    QStringList found;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget) ||
                           qobject_cast<QAbstractSpinBox*>(widget);
        if (input && widget->isVisible() && !qobject_cast<QComboBox*>(widget->parentWidget()) &&
            !qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) && widget->width() > 480) {
            found.append(where + u": "_s + widget->objectName() + u" is "_s +
                         QString::number(widget->width()) + u" px wide"_s);
        }
    }
    return found;
}

QStringList clashes(QMainWindow& window, const QString& where)
{
    QStringList found;
    const QMultiHash<QChar, QString> letters = visibleMnemonics(window);
    for (const QChar letter : letters.uniqueKeys()) {
        const QStringList owners = letters.values(letter);
        if (owners.size() > 1) {
            found.append(where + u": Alt+"_s + letter.toUpper() + u" for "_s +
                         owners.join(u", "_s));
        }
    }
    return found;
}

} // namespace

class TestUiLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void qtsOwnStringsAndDatesAreFrench();
    void discardQuestionDefaultsToTheHarmlessAnswer();
    void frenchFormFitsSmallScreens();
    void noShortcutClashNorFieldAcrossTheScreen_data();
    void noShortcutClashNorFieldAcrossTheScreen();
};

void TestUiLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"sidep-tests"_s);
    QSettings().setValue(u"feedback/sound"_s, false);
}

void TestUiLanguage::cleanupTestCase()
{
    UiLanguage::apply(u"en"_s);
}

void TestUiLanguage::qtsOwnStringsAndDatesAreFrench()
{
    QVERIFY(UiLanguage::apply(u"fr"_s));
    QVERIFY2(UiLanguage::hasQtCatalogue(), "qtbase_fr.qm missing: scripts/install-deps");
    // A standard button of Qt's own.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Discard |
                             QDialogButtonBox::Yes | QDialogButtonBox::No);
    const auto text = [&buttons](QDialogButtonBox::StandardButton which) {
        return buttons.button(which)->text().remove(u'&');
    };
    QCOMPARE(text(QDialogButtonBox::Cancel), u"Annuler"_s);
    QCOMPARE(text(QDialogButtonBox::Yes), u"Oui"_s);
    QCOMPARE(text(QDialogButtonBox::No), u"Non"_s);
    QVERIFY2(text(QDialogButtonBox::Discard) != u"Discard"_s,
             qPrintable(text(QDialogButtonBox::Discard)));
    // The first-start wizard's buttons.
    QWizard wizard;
    QCOMPARE(wizard.buttonText(QWizard::CancelButton).remove(u'&'), u"Annuler"_s);
    QVERIFY2(wizard.buttonText(QWizard::NextButton).contains(u"Suivant"_s),
             qPrintable(wizard.buttonText(QWizard::NextButton)));
    QVERIFY2(wizard.buttonText(QWizard::FinishButton).contains(u"Terminer"_s),
             qPrintable(wizard.buttonText(QWizard::FinishButton)));
    // Dates as French writes them, whatever the machine's locale (C in the test).
    QCOMPARE(QLocale().toString(QDate(2021, 3, 5), QLocale::ShortFormat), u"05/03/2021"_s);
    QVERIFY(QLocale().toString(QDate(2021, 3, 5), QLocale::LongFormat).contains(u"mars"_s));
    // Roles and the workstation's own strings.
    QCOMPARE(UiLanguage::roleName(Role::Lab), u"laboratoire"_s);
    QCOMPARE(RecordFormWidget::tr("Saved. Ready for the next tube."),
             u"Enregistré. Prêt pour le tube suivant."_s);

    QVERIFY(UiLanguage::apply(u"en"_s));
    QCOMPARE(QLocale().toString(QDate(2021, 3, 5), QLocale::ShortFormat), u"05/03/2021"_s);
    QCOMPARE(UiLanguage::roleName(Role::Lab), u"laboratory"_s);
}

void TestUiLanguage::discardQuestionDefaultsToTheHarmlessAnswer()
{
    QVERIFY(UiLanguage::apply(u"fr"_s));
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    RecordFormWidget* form = station.window.recordForm();
    typeInto(form->fieldWidget(u"patient.birthName"_s), u"Dupont"_s);
    // The real question, answered with Enter: its default must keep the form.
    QString defaultText;
    QStringList buttonTexts;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (box->defaultButton())
            defaultText = box->defaultButton()->text().remove(u'&');
        for (QAbstractButton* button : box->buttons())
            buttonTexts.append(button->text().remove(u'&'));
        QTest::keyClick(box, Qt::Key_Return);
    });
    form->findChild<QPushButton*>(u"discardButton"_s)->click();
    QCOMPARE(defaultText, u"Annuler"_s);
    QCOMPARE(buttonTexts.size(), 2);
    QVERIFY2(!buttonTexts.contains(u"Discard"_s) && !buttonTexts.contains(u"Cancel"_s),
             qPrintable(buttonTexts.join(u", "_s)));
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s))->text(),
             u"Dupont"_s);
    QVERIFY(UiLanguage::apply(u"en"_s));
}

// French labels are longer than English ones: the form still fits 1024 x 600 at 100 %
// (less a task bar) without scrolling, and 1366 x 768 at 150 % (910 x 480 logical pixels).
void TestUiLanguage::frenchFormFitsSmallScreens()
{
    QVERIFY(UiLanguage::apply(u"fr"_s));
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    QVERIFY2(window.minimumSizeHint().width() <= 910 && window.minimumSizeHint().height() <= 480,
             qPrintable(u"%1 x %2"_s.arg(window.minimumSizeHint().width())
                            .arg(window.minimumSizeHint().height())));
    window.resize(1024, 560);
    RecordFormWidget* form = window.recordForm();
    auto* pages = form->findChild<QTabWidget*>(u"pagesTabWidget"_s);
    for (const QString& name :
         {u"identity"_s, u"contact"_s, u"situation"_s, u"physicians"_s, u"sampling"_s}) {
        auto* scroll = form->findChild<QScrollArea*>(name + u"ScrollArea"_s);
        QVERIFY(scroll);
        pages->setCurrentWidget(scroll->parentWidget());
        QCoreApplication::processEvents();
        QVERIFY2(!scroll->verticalScrollBar()->isVisible(), qPrintable(name));
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(name));
    }
    QVERIFY(UiLanguage::apply(u"en"_s));
}

void TestUiLanguage::noShortcutClashNorFieldAcrossTheScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("user");
    for (const QString& language : {u"fr"_s, u"en"_s}) {
        for (const QString& user : {NurseName, LabName, AdminName}) {
            QTest::addRow("%s %s", qPrintable(language), qPrintable(user)) << language << user;
        }
    }
}

void TestUiLanguage::noShortcutClashNorFieldAcrossTheScreen()
{
    QFETCH(QString, language);
    QFETCH(QString, user);
    QVERIFY(UiLanguage::apply(language));
    StoreFixture fixture;
    Workstation station(fixture.path());
    station.window.resize(1366, 720);
    QCoreApplication::processEvents();
    QStringList found = clashes(station.window, u"sign-in"_s);
    QVERIFY(station.signIn(user));
    auto* workspace = station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
    for (int tab = 0; tab < workspace->count(); ++tab) {
        workspace->setCurrentIndex(tab);
        QWidget* page = workspace->widget(tab);
        auto* pages = page->findChild<QTabWidget*>(u"pagesTabWidget"_s);
        if (!pages) {
            QCoreApplication::processEvents();
            found += clashes(station.window, page->objectName());
            found += tooWide(station.window, page->objectName());
            continue;
        }
        // The sampling form: each of its pages.
        for (int formPage = 0; formPage < pages->count(); ++formPage) {
            pages->setCurrentIndex(formPage);
            QCoreApplication::processEvents();
            const QString where = page->objectName() + u" "_s + QString::number(formPage + 1);
            found += clashes(station.window, where);
            found += tooWide(station.window, where);
        }
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY(UiLanguage::apply(u"en"_s));
}

QTEST_MAIN(TestUiLanguage)
#include "TestUiLanguage.moc"
