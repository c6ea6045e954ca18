#include "ScannerInput.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QChar GS(0x1D);

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt ||
           key == Qt::Key_Meta;
}

// A line edit that remembers which keys reached it, to check order and pass-through.
class RecordingLineEdit : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;
    QList<QKeyCombination> presses;
    QStringList log; // "+a" for a press, "-a" for a release

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if (!isModifierKey(event->key())) {
            presses.append(event->keyCombination());
            log.append(u"+"_s + event->text());
        }
        QLineEdit::keyPressEvent(event);
    }
    void keyReleaseEvent(QKeyEvent* event) override
    {
        if (!isModifierKey(event->key()))
            log.append(u"-"_s + event->text());
        QLineEdit::keyReleaseEvent(event);
    }
};

// The INS DataMatrix example of the specification, with real GS separators.
QString insPayload()
{
    return u"IS010000000000000000000000S1185057512345673S21.2.250.1.213.1.4.8"_s % GS % u"S3ADA"_s %
           GS % u"S4LOVELACE"_s % GS % u"S5FS610-12-1815S799100"_s;
}

} // namespace

class TestScannerInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fastBurstIsScanned_data();
    void fastBurstIsScanned();
    void humanTypingReachesTheField_data();
    void humanTypingReachesTheField();
    void burstWithoutTerminatorIsReplayed();
    void burstWithoutTerminatorIsReplayedByTheTimer();
    void prefixAndSuffix_data();
    void prefixAndSuffix();
    void groupSeparator_data();
    void groupSeparator();
    void shortcutPassesThrough();
    void shortcutSeesHeldKeysFirst();
    void editingKeyDeliversHeldKeysFirst();
    void autoRepeatIsNotAScan();
    void disabledPassesEverything();
    void replayKeepsPressAndReleaseOrder();
    void heldKeysGoToTheirWidget();
    void mouseClickDeliversHeldKeys();
    void scanEnterDoesNotPressDefaultButton();

private:
    // Moves the fake clock by `gap` ms, then clicks one key into the focused widget.
    void click(Qt::Key key, const QString& text, Qt::KeyboardModifiers modifiers, qint64 gap);
    void typeChar(QChar c, qint64 gap);
    // `firstGap` separates the first character from whatever was typed before.
    void type(const QString& text, qint64 gap, qint64 firstGap = 1000);
    // Lets the burst go quiet and delivers what is still held, as the timer would.
    void settle();

    qint64 m_now = 0;
    std::unique_ptr<QWidget> m_window;
    RecordingLineEdit* m_first = nullptr;
    RecordingLineEdit* m_second = nullptr;
    std::unique_ptr<ScannerInput> m_scanner;
};

void TestScannerInput::init()
{
    m_now = 1'000'000;
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_first = new RecordingLineEdit(m_window.get());
    m_first->setObjectName(u"firstLineEdit"_s);
    m_second = new RecordingLineEdit(m_window.get());
    m_second->setObjectName(u"secondLineEdit"_s);
    layout->addWidget(m_first);
    layout->addWidget(m_second);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_first->setFocus();
    QCOMPARE(QApplication::focusWidget(), m_first);

    m_scanner = std::make_unique<ScannerInput>();
    m_scanner->setClock([this] { return m_now; });
}

void TestScannerInput::cleanup()
{
    m_scanner.reset();
    m_window.reset();
}

void TestScannerInput::click(Qt::Key key, const QString& text, Qt::KeyboardModifiers modifiers,
                             qint64 gap)
{
    m_now += gap;
    QWidget* target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::sendKeyEvent(QTest::Click, target, key, text, modifiers);
}

void TestScannerInput::typeChar(QChar c, qint64 gap)
{
    if (c == GS) {
        // What a wedge scanner sends by default.
        click(Qt::Key_BracketRight, QString(GS), Qt::ControlModifier, gap);
        return;
    }
    Qt::KeyboardModifiers modifiers;
    Qt::Key key = Qt::Key(c.unicode()); // Qt's key codes are the Latin-1 code points
    if (c.isLetter() && c.unicode() < 0x80) {
        key = Qt::Key(c.toUpper().unicode());
        if (c.isUpper())
            modifiers = Qt::ShiftModifier;
    }
    click(key, QString(c), modifiers, gap);
}

void TestScannerInput::type(const QString& text, qint64 gap, qint64 firstGap)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        typeChar(text.at(i), i == 0 ? firstGap : gap);
}

void TestScannerInput::settle()
{
    m_now += 1000;
    m_scanner->flushIfQuiet();
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::fastBurstIsScanned_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("gap");
    QTest::addColumn<int>("terminator");

    QTest::newRow("tube label, Return") << u"CHU75-2020-000123"_s << 3 << int(Qt::Key_Return);
    QTest::newRow("keypad Enter") << u"CHU75-2020-000123"_s << 3 << int(Qt::Key_Enter);
    QTest::newRow("Tab") << u"CHU75-2020-000123"_s << 3 << int(Qt::Key_Tab);
    QTest::newRow("shortest, just under threshold") << u"A1b2"_s << 34 << int(Qt::Key_Return);
}

void TestScannerInput::fastBurstIsScanned()
{
    QFETCH(QString, code);
    QFETCH(int, gap);
    QFETCH(int, terminator);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_first, &QLineEdit::returnPressed);

    type(code, gap);
    click(Qt::Key(terminator), QString(), Qt::NoModifier, gap);

    QCOMPARE(scanned.count(), 1);
    QCOMPARE(scanned.at(0).at(0).toString(), code);
    QCOMPARE(m_first->text(), QString());
    QCOMPARE(m_first->log, QStringList()); // not even the terminator's release
    QCOMPARE(returnPressed.count(), 0);
    // The swallowed Tab did not move the focus either.
    QCOMPARE(QApplication::focusWidget(), m_first);
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::humanTypingReachesTheField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("gaps"); // before each character
    QTest::addColumn<int>("enterGap");

    QTest::newRow("slow") << u"Dupont"_s << QList<int>{1000, 150, 180, 140, 200, 160} << 300;
    QTest::newRow("starts fast, then slows")
        << u"Martin"_s << QList<int>{1000, 10, 10, 120, 130, 140} << 200;
    QTest::newRow("fast, but a pause before Enter")
        << u"ABCDEFGH"_s << QList<int>{1000, 5, 5, 5, 5, 5, 5, 5} << 35;
    QTest::newRow("fast but too short") << u"abc"_s << QList<int>{1000, 5, 5} << 5;
    QTest::newRow("fast pair among slow keys")
        << u"Lea Ada"_s << QList<int>{1000, 20, 100, 100, 20, 20, 100} << 100;
}

void TestScannerInput::humanTypingReachesTheField()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, gaps);
    QFETCH(int, enterGap);
    QCOMPARE(gaps.size(), text.size());
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_first, &QLineEdit::returnPressed);

    for (qsizetype i = 0; i < text.size(); ++i)
        typeChar(text.at(i), gaps.at(i));
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, enterGap);

    QCOMPARE(m_first->text(), text);
    QCOMPARE(returnPressed.count(), 1);
    QCOMPARE(scanned.count(), 0);
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::burstWithoutTerminatorIsReplayed()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    type(u"CHU75-000123"_s, 3);
    QCOMPARE(m_first->text(), QString());
    QVERIFY(m_scanner->hasHeldKeys());

    m_now += 20; // still within the threshold: could still be a scan
    m_scanner->flushIfQuiet();
    QCOMPARE(m_first->text(), QString());

    m_now += 15;
    m_scanner->flushIfQuiet();
    QCOMPARE(m_first->text(), u"CHU75-000123"_s);
    QCOMPARE(scanned.count(), 0);
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::burstWithoutTerminatorIsReplayedByTheTimer()
{
    m_scanner->setClock({}); // the real clock, and the real timer
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    QTest::keyClicks(m_first, u"CHU75-000123"_s);
    QTRY_COMPARE(m_first->text(), u"CHU75-000123"_s);
    QCOMPARE(scanned.count(), 0);
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::prefixAndSuffix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("enter");
    QTest::addColumn<QString>("expectedScan"); // empty: no scan
    QTest::addColumn<QString>("expectedField");

    QTest::newRow("prefix, then Enter") << u"\u00a7"_s << QString() << u"\u00a7CHU75-000123"_s
                                        << true << u"CHU75-000123"_s << QString();
    QTest::newRow("prefix and suffix")
        << u"$$"_s << u"##"_s << u"$$CHU75-000123##"_s << false << u"CHU75-000123"_s << QString();
    QTest::newRow("suffix, then the scanner's Enter")
        << QString() << u"#"_s << u"CHU75-000123#"_s << true << u"CHU75-000123"_s << QString();
    QTest::newRow("prefix missing")
        << u"\u00a7"_s << QString() << u"CHU75-000123"_s << true << QString() << u"CHU75-000123"_s;
    QTest::newRow("suffix missing")
        << QString() << u"#"_s << u"CHU75-000123"_s << true << QString() << u"CHU75-000123"_s;
    QTest::newRow("framed but too short")
        << u"$$"_s << u"##"_s << u"$$AB##"_s << false << QString() << u"$$AB##"_s;
}

void TestScannerInput::prefixAndSuffix()
{
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(QString, typed);
    QFETCH(bool, enter);
    QFETCH(QString, expectedScan);
    QFETCH(QString, expectedField);
    m_scanner->setPrefix(prefix);
    m_scanner->setSuffix(suffix);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_first, &QLineEdit::returnPressed);

    type(typed, 3);
    if (enter)
        click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 3);
    settle();

    QCOMPARE(scanned.count(), expectedScan.isEmpty() ? 0 : 1);
    if (!expectedScan.isEmpty())
        QCOMPARE(scanned.at(0).at(0).toString(), expectedScan);
    QCOMPARE(m_first->text(), expectedField);
    QCOMPARE(returnPressed.count(), enter && expectedScan.isEmpty() ? 1 : 0);
}

void TestScannerInput::groupSeparator_data()
{
    QTest::addColumn<QString>("alias"); // what the scanner types for GS; empty: Ctrl+]
    QTest::addColumn<bool>("asText");   // GS arrives as the key text "\x1d"

    QTest::newRow("Ctrl+]") << QString() << false;
    QTest::newRow("key text 0x1D") << QString() << true;
    QTest::newRow("<GS>") << u"<GS>"_s << false;
    QTest::newRow("^]") << u"^]"_s << false;
}

void TestScannerInput::groupSeparator()
{
    QFETCH(QString, alias);
    QFETCH(bool, asText);
    if (!alias.isEmpty())
        m_scanner->setGroupSeparatorAliases({u"<GS>"_s, u"^]"_s});
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    const QString payload = insPayload();
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const qint64 gap = i == 0 ? 1000 : 2;
        if (payload.at(i) != GS)
            typeChar(payload.at(i), gap);
        else if (asText)
            click(Qt::Key_unknown, QString(GS), Qt::NoModifier, gap);
        else if (!alias.isEmpty())
            type(alias, 2, gap);
        else
            typeChar(GS, gap);
    }
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 2);

    QCOMPARE(scanned.count(), 1);
    QCOMPARE(scanned.at(0).at(0).toString(), payload);
    QCOMPARE(scanned.at(0).at(0).toString().count(GS), 3);
    QCOMPARE(m_first->text(), QString());
}

void TestScannerInput::shortcutPassesThrough()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    // Alone: delivered at once, not held.
    click(Qt::Key_S, u"s"_s, Qt::ControlModifier, 1000);
    QCOMPARE(m_first->presses, QList<QKeyCombination>{Qt::ControlModifier | Qt::Key_S});
    QVERIFY(!m_scanner->hasHeldKeys());

    // Right after fast keys: those land first, in order.
    m_first->presses.clear();
    type(u"ab"_s, 5);
    click(Qt::Key_S, u"s"_s, Qt::ControlModifier, 5);
    const QList<QKeyCombination> expected{QKeyCombination(Qt::Key_A), QKeyCombination(Qt::Key_B),
                                          Qt::ControlModifier | Qt::Key_S};
    QCOMPARE(m_first->presses, expected);
    QCOMPARE(m_first->text(), u"ab"_s);
    QCOMPARE(scanned.count(), 0);
}

void TestScannerInput::shortcutSeesHeldKeysFirst()
{
    auto* save = new QAction(m_window.get());
    save->setShortcut(QKeySequence(Qt::ControlModifier | Qt::Key_S));
    m_window->addAction(save);
    QString textWhenSaved;
    connect(save, &QAction::triggered, this, [&] { textWhenSaved = m_first->text(); });

    type(u"Ada"_s, 5);
    click(Qt::Key_S, u"s"_s, Qt::ControlModifier, 5);

    QCOMPARE(textWhenSaved, u"Ada"_s);
}

void TestScannerInput::editingKeyDeliversHeldKeysFirst()
{
    type(u"abc"_s, 5);
    click(Qt::Key_Backspace, QString(), Qt::NoModifier, 5);
    QCOMPARE(m_first->text(), u"ab"_s);
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::autoRepeatIsNotAScan()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    typeChar(u'a', 1000);
    for (int i = 0; i < 6; ++i) {
        m_now += 5;
        QKeyEvent repeat(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, u"a"_s, true);
        QCoreApplication::sendEvent(m_first, &repeat);
    }
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 5);

    QCOMPARE(m_first->text(), u"aaaaaaa"_s);
    QCOMPARE(scanned.count(), 0);
}

void TestScannerInput::disabledPassesEverything()
{
    m_scanner->setEnabled(false);
    QVERIFY(!m_scanner->isEnabled());
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_first, &QLineEdit::returnPressed);

    type(u"CHU75-000123"_s, 3);
    QCOMPARE(m_first->text(), u"CHU75-000123"_s); // nothing held back
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 3);

    QCOMPARE(returnPressed.count(), 1);
    QCOMPARE(scanned.count(), 0);
    QVERIFY(!m_scanner->hasHeldKeys());

    // And back on.
    m_scanner->setEnabled(true);
    type(u"CHU75-000124"_s, 3);
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 3);
    QCOMPARE(scanned.count(), 1);
}

void TestScannerInput::replayKeepsPressAndReleaseOrder()
{
    type(u"ab"_s, 5);
    QCOMPARE(m_first->log, QStringList());
    settle();
    QCOMPARE(m_first->log, (QStringList{u"+a"_s, u"-a"_s, u"+b"_s, u"-b"_s}));
}

void TestScannerInput::heldKeysGoToTheirWidget()
{
    // The next key comes late, in another field.
    type(u"ab"_s, 5);
    m_second->setFocus();
    QCOMPARE(QApplication::focusWidget(), m_second);
    type(u"cd"_s, 150, 100);
    settle();
    QCOMPARE(m_first->text(), u"ab"_s);
    QCOMPARE(m_second->text(), u"cd"_s);

    // Nothing more is typed: the timer delivers.
    m_first->setFocus();
    type(u"ef"_s, 5);
    m_second->setFocus();
    settle();
    QCOMPARE(m_first->text(), u"abef"_s);
    QCOMPARE(m_second->text(), u"cd"_s);
}

void TestScannerInput::mouseClickDeliversHeldKeys()
{
    type(u"ab"_s, 5);
    QVERIFY(m_scanner->hasHeldKeys());
    QTest::mouseClick(m_second, Qt::LeftButton);
    QCOMPARE(m_first->text(), u"ab"_s);
    QCOMPARE(m_second->text(), QString());
    QVERIFY(!m_scanner->hasHeldKeys());
}

void TestScannerInput::scanEnterDoesNotPressDefaultButton()
{
    QDialog dialog;
    auto* layout = new QVBoxLayout(&dialog);
    auto* edit = new QLineEdit(&dialog);
    auto* ok = new QPushButton(u"OK"_s, &dialog);
    ok->setDefault(true);
    layout->addWidget(edit);
    layout->addWidget(ok);
    connect(ok, &QPushButton::clicked, &dialog, &QDialog::accept);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    edit->setFocus();
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy accepted(&dialog, &QDialog::accepted);

    type(u"CHU75-000123"_s, 3);
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 3);
    QCOMPARE(scanned.count(), 1);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());

    // A person's Enter still reaches the dialog, through the line edit.
    type(u"x"_s, 200);
    click(Qt::Key_Return, u"\r"_s, Qt::NoModifier, 300);
    QCOMPARE(edit->text(), u"x"_s);
    QCOMPARE(accepted.count(), 1);
}

QTEST_MAIN(TestScannerInput)
#include "TestScannerInput.moc"
