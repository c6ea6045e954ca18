#pragma once

#include "MainWindow.h"
#include "SetupWizard.h"
#include "Store.h"

#include <QString>
#include <QWidget>

// Driving the workstation's windows like a person: typing, pressing keys, signing in.
namespace GuiTestSupport {

// QTest types at machine speed, which the window takes for a USB scanner: give the
// window's scanner detector a clock on which each key comes a tenth of a second after
// the last.
void typeLikeAPerson(MainWindow& window);
// The scanner detector holds keys back until it knows they are not a scan: let them
// through before looking at the result.
void releaseHeldKeys();
void pressKey(QWidget* widget, Qt::Key key);
void typeInto(QWidget* widget, const QString& text);
// Types the user name (unless the screen is locked to one user) and the fixture password,
// then Enter.
void signIn(MainWindow& window, const QString& user);
// The child of `root` named `name`, warned about when there is none.
template <typename T>
T* findNamed(QWidget* root, const QString& name)
{
    T* widget = root->findChild<T*>(name);
    if (!widget)
        qWarning("no widget named %s", qPrintable(name));
    return widget;
}

// A USB scanner's burst: the keys of `text` then Return, all in the same millisecond.
void wedgeScan(MainWindow& window, const QString& text);

// A workstation window on the store at `path`, shown and started, typed at like a person.
class Workstation
{
public:
    explicit Workstation(const QString& path);
    // Signs in and waits until the store is open for that user.
    [[nodiscard]] bool signIn(const QString& user);
    // The setup wizard the start opened (a new station, or one to join a site database),
    // once it shows; nullptr when there is none.
    SetupWizard* shownSetupWizard();

    Store store;
    MainWindow window;
};

} // namespace GuiTestSupport
