// A keyboard-wedge scanner, or a person, typing into the workstation: the bytes become key
// events with their timing, delivered to a widget through the application, where
// ScannerInput (an application-wide event filter) holds, swallows or replays them.
//
// Input: byte 0 the minimum length (1 + low 4 bits) and which of prefix, suffix and GS
// alias are set (bits 4-6); byte 1 the inter-key threshold (1-64 ms); then, for each
// string that is set, a length byte (0-3) and its characters; then the keys, two bytes
// each: a gap in milliseconds (low 6 bits), "press without release" (bit 6), auto-repeat
// (bit 7), and a character (printable Latin-1, 0x1D for GS as Ctrl+], CR and TAB as
// terminators, 0x01-0x08 for Ctrl+S, F2, Backspace, Shift alone, Escape, a mouse click, Alt+F
// and a lone release).
//
// Properties: what the widget receives is in the order it was typed and never twice
// (modifier keys alone aside);
// without a scan, every key press reaches the widget (a person's typing is never lost);
// every scan is at least the minimum length; when the burst goes quiet nothing stays held;
// without a GS alias, the characters swallowed are exactly the scans with their prefix and
// suffix.
//
// SIDEP_FUZZ_TRACE=1 prints the events and what reached the widget, to read a finding.

#include "FuzzSupport.h"
#include "ScannerInput.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWidget>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr char16_t GroupSeparator = 0x1D;
bool trace = false; // SIDEP_FUZZ_TRACE=1

// Each key press carries its input position as native scan code, to be recognised when
// (and whether) it arrives.
class RecordingWidget : public QWidget
{
public:
    QList<quint32> presses;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        // A modifier alone (scan code 0 here) passes at once, by design: ahead of keys
        // still held, which changes nothing for the widget.
        if (event->nativeScanCode() != 0)
            presses.append(event->nativeScanCode());
        if (trace)
            fprintf(stderr, "  widget got press #%u\n", event->nativeScanCode());
        event->accept();
    }
    void keyReleaseEvent(QKeyEvent* event) override { event->accept(); }
};

RecordingWidget* widget = nullptr;

QString describe(int key, const QString& text)
{
    return text.size() == 1 && text.at(0).isPrint()
               ? u"'"_s + text + u"'"_s
               : u"key 0x%1 text %2"_s.arg(key, 0, 16)
                     .arg(QString::fromLatin1(text.toUtf8().toHex()));
}

class Reader
{
public:
    Reader(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool atEnd() const { return m_pos >= m_size; }
    uint8_t next() { return atEnd() ? 0 : m_data[m_pos++]; }
    QString string()
    {
        const int length = next() % 4;
        QString text;
        for (int i = 0; i < length; ++i) {
            const QChar c = QChar::fromLatin1(char(next()));
            text += c.isPrint() ? c : QChar(u'#');
        }
        return text;
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
};

struct Key
{
    QEvent::Type type = QEvent::KeyPress; // or MouseButtonPress for a click
    int key = 0;
    Qt::KeyboardModifiers modifiers;
    QString text;
    bool release = true;
};

Key keyFor(uint8_t byte)
{
    switch (byte) {
    case 0x01:
        return {QEvent::KeyPress, Qt::Key_S, Qt::ControlModifier, QString(QChar(0x13))};
    case 0x02:
        return {QEvent::KeyPress, Qt::Key_F2, {}, {}};
    case 0x03:
        return {QEvent::KeyPress, Qt::Key_Backspace, {}, QString(QChar(0x08))};
    case 0x04:
        return {QEvent::KeyPress, Qt::Key_Shift, Qt::ShiftModifier, {}};
    case 0x05:
        return {QEvent::KeyPress, Qt::Key_Escape, {}, QString(QChar(0x1b))};
    case 0x06:
        return {QEvent::MouseButtonPress, 0, {}, {}};
    case 0x07:
        return {QEvent::KeyPress, Qt::Key_F, Qt::AltModifier, u"f"_s};
    case 0x08:
        return {QEvent::KeyRelease, Qt::Key_A, {}, u"a"_s, false};
    case 0x1D:
        return {QEvent::KeyPress, Qt::Key_BracketRight, Qt::ControlModifier,
                QString(QChar(GroupSeparator))};
    case '\r':
        return {QEvent::KeyPress, Qt::Key_Return, {}, u"\r"_s};
    case '\t':
        return {QEvent::KeyPress, Qt::Key_Tab, {}, u"\t"_s};
    default:
        break;
    }
    const QChar c = QChar::fromLatin1(char(byte));
    if (!c.isPrint())
        return {QEvent::KeyPress, Qt::Key_Space, {}, u" "_s};
    const QChar upper = c.toUpper();
    // Latin-1 letters have Qt key codes equal to their upper-case code point.
    const int key = upper.unicode() < 0x100 ? upper.unicode() : Qt::Key_unknown;
    return {QEvent::KeyPress, key, c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier, QString(c)};
}

bool isTerminator(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QApplication>();
    trace = qEnvironmentVariableIntValue("SIDEP_FUZZ_TRACE") == 1;
    widget = new RecordingWidget;
    widget->show();
    std::atexit([] { delete widget; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Reader input(data, size);
    const uint8_t flags = input.next();
    qint64 now = 1'000'000;
    ScannerInput scanner;
    scanner.setClock([&now] { return now; });
    scanner.setMinimumLength(1 + (flags & 0x0f));
    scanner.setInterKeyThreshold(1 + input.next() % 64);
    if (flags & 0x10)
        scanner.setPrefix(input.string());
    if (flags & 0x20)
        scanner.setSuffix(input.string());
    const bool aliases = flags & 0x40;
    if (aliases)
        scanner.setGroupSeparatorAliases({input.string()});

    QStringList scans;
    QObject::connect(&scanner, &ScannerInput::scanned, [&scans](const QString& text) {
        scans.append(text);
        if (trace)
            fprintf(stderr, "  scanned \"%s\"\n", qPrintable(text));
    });
    widget->presses.clear();

    struct Sent
    {
        int key;
        QString text;
    };
    QList<Sent> sent; // every key press, by input position
    while (!input.atEnd()) {
        const uint8_t control = input.next();
        Key key = keyFor(input.next());
        const qint64 gap = control & 0x3f;
        if (gap > 0) {
            now += gap;
            scanner.flushIfQuiet(); // what the scanner's timer does when the burst pauses
        }
        const bool modifier = key.key == Qt::Key_Shift;
        const quint32 position = modifier ? 0 : quint32(sent.size() + 1);
        if (trace) {
            fprintf(stderr, "t=%lld %s%s%s\n", now, qPrintable(describe(key.key, key.text)),
                    key.type == QEvent::KeyPress ? qPrintable(u" press #%1"_s.arg(position)) : "",
                    key.type == QEvent::MouseButtonPress ? " click"
                    : key.type == QEvent::KeyRelease || (key.release && !(control & 0x40))
                        ? " release"
                        : "");
        }
        if (key.type == QEvent::MouseButtonPress) {
            QMouseEvent click(QEvent::MouseButtonPress, QPointF(1, 1), QPointF(1, 1),
                              Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(widget, &click);
            continue;
        }
        const bool autoRepeat = control & 0x80;
        if (key.type == QEvent::KeyPress) {
            if (!modifier)
                sent.append({key.key, key.text});
            QKeyEvent press(QEvent::KeyPress, key.key, key.modifiers, position, 0, 0, key.text,
                            autoRepeat);
            QApplication::sendEvent(widget, &press);
        }
        if (key.release && !(control & 0x40)) {
            QKeyEvent release(QEvent::KeyRelease, key.key, key.modifiers, position, 0, 0, key.text,
                              autoRepeat);
            QApplication::sendEvent(widget, &release);
        }
    }
    now += 1000;
    scanner.flushIfQuiet();
    FUZZ_CHECK(!scanner.hasHeldKeys());

    const QList<quint32>& received = widget->presses;
    for (qsizetype i = 0; i < received.size(); ++i) {
        FUZZ_CHECK(received[i] >= 1 && received[i] <= quint32(sent.size()));
        FUZZ_CHECK(i == 0 || received[i - 1] < received[i]);
    }
    if (scans.isEmpty())
        FUZZ_CHECK(received.size() == sent.size());
    for (const QString& scan : std::as_const(scans)) {
        FUZZ_CHECK(scan.size() >= scanner.minimumLength());
        for (QChar c : scan)
            FUZZ_CHECK(c.isPrint() || c == QChar(GroupSeparator));
    }
    if (!aliases) {
        QString swallowed;
        qsizetype next = 0;
        for (qsizetype i = 0; i < sent.size(); ++i) {
            if (next < received.size() && received[next] == quint32(i + 1)) {
                ++next;
                continue;
            }
            if (!isTerminator(sent[i].key))
                swallowed += sent[i].text;
        }
        QString expected;
        for (const QString& scan : std::as_const(scans))
            expected += scanner.prefix() + scan + scanner.suffix();
        FUZZ_CHECK(swallowed == expected);
    }
    return 0;
}
