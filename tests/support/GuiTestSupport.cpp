#include "GuiTestSupport.h"

#include "ScannerInput.h"
#include "TestSupport.h"

#include <QApplication>
#include <QLineEdit>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace GuiTestSupport {

void typeLikeAPerson(MainWindow& window)
{
    auto now = std::make_shared<qint64>(0);
    window.scannerInput()->setClock([now] { return *now += 100; });
}

void releaseHeldKeys()
{
    for (QWidget* window : QApplication::topLevelWidgets()) {
        for (ScannerInput* scanner : window->findChildren<ScannerInput*>())
            scanner->flushIfQuiet();
    }
    QCoreApplication::processEvents();
}

void pressKey(QWidget* widget, Qt::Key key)
{
    QTest::keyClick(widget, key);
    releaseHeldKeys();
}

void typeInto(QWidget* widget, const QString& text)
{
    widget->setFocus();
    QTest::keyClicks(widget, text);
    releaseHeldKeys();
}

void signIn(MainWindow& window, const QString& user)
{
    auto* name = window.findChild<QLineEdit*>(u"userNameLineEdit"_s);
    auto* password = window.findChild<QLineEdit*>(u"passwordLineEdit"_s);
    if (!name->isReadOnly())
        typeInto(name, user);
    typeInto(password, TestSupport::Password);
    pressKey(password, Qt::Key_Return);
}

void wedgeScan(MainWindow& window, const QString& text)
{
    ScannerInput* scanner = window.scannerInput();
    scanner->setClock([] { return qint64(1000); });
    QWidget* target = QApplication::focusWidget();
    QTest::keyClicks(target, text);
    QTest::keyClick(target, Qt::Key_Return);
    typeLikeAPerson(window);
    QCoreApplication::processEvents();
}

Workstation::Workstation(const QString& path)
    : window(store, path)
{
    typeLikeAPerson(window);
    window.show();
    window.start();
}

SetupWizard* Workstation::shownSetupWizard()
{
    SetupWizard* wizard = window.setupWizard();
    return wizard && QTest::qWaitFor([wizard] { return wizard->isVisible(); }, 5000) ? wizard
                                                                                     : nullptr;
}

bool Workstation::signIn(const QString& user)
{
    GuiTestSupport::signIn(window, user);
    return QTest::qWaitFor([this] { return store.isSignedIn(); }, 5000) &&
           store.currentUser().name == user;
}

} // namespace GuiTestSupport
