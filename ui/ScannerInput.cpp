#include "ScannerInput.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QWidget>
#include <algorithm>
#include <utility>

namespace {

constexpr char16_t GroupSeparator = 0x1D;

ScannerInput::Clock defaultClock()
{
    QElapsedTimer timer;
    timer.start();
    return [timer] { return timer.elapsed(); };
}

// Pressing or releasing a modifier is part of typing a character (Shift for capitals,
// Ctrl for the GS separator); it neither starts nor breaks a burst.
bool isModifierKey(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
        return true;
    default:
        return false;
    }
}

bool isPrintable(const QString& text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isPrint(); });
}

} // namespace

ScannerInput::ScannerInput(QObject* parent)
    : QObject(parent)
    , m_terminators{Qt::Key_Return, Qt::Key_Enter, Qt::Key_Tab}
    , m_clock(defaultClock())
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5 % early, and every early wake-up costs a re-arm.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScannerInput::flushIfQuiet);
    QCoreApplication::instance()->installEventFilter(this);
}

ScannerInput::~ScannerInput()
{
    // Whatever a person typed last still reaches its field.
    replayHeld();
}

void ScannerInput::setEnabled(bool enabled)
{
    replayHeld();
    m_enabled = enabled;
}

void ScannerInput::setInterKeyThreshold(int milliseconds)
{
    replayHeld();
    m_threshold = std::max(1, milliseconds);
}

void ScannerInput::setMinimumLength(int characters)
{
    replayHeld();
    m_minimumLength = std::max(1, characters);
}

void ScannerInput::setTerminatorKeys(const QList<Qt::Key>& keys)
{
    replayHeld();
    m_terminators = keys;
}

void ScannerInput::setPrefix(const QString& prefix)
{
    replayHeld();
    m_prefix = prefix;
}

void ScannerInput::setSuffix(const QString& suffix)
{
    replayHeld();
    m_suffix = suffix;
}

void ScannerInput::setGroupSeparatorAliases(const QStringList& aliases)
{
    replayHeld();
    m_gsAliases = aliases;
    m_gsAliases.removeAll(QString());
}

void ScannerInput::setClock(Clock clock)
{
    replayHeld();
    m_clock = clock ? std::move(clock) : defaultClock();
    m_scanEndedBySuffix = false;
}

void ScannerInput::flushIfQuiet()
{
    if (m_held.empty())
        return;
    const qint64 quiet = m_clock() - m_lastKeyTime;
    if (quiet >= m_threshold)
        replayHeld();
    else
        m_timer.start(int(m_threshold - quiet));
}

bool ScannerInput::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
        break;
    case QEvent::ShortcutOverride:
        // Sent before a shortcut fires: what was typed just before Ctrl+S must be in the
        // field when the shortcut acts on it.
        if (!m_held.empty() && classify(static_cast<QKeyEvent*>(event)) == KeyKind::Other) {
            replayHeld();
        }
        return false;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::TouchBegin:
        // A click may move the focus or act on a field: what was typed before it lands first.
        if (!m_held.empty())
            replayHeld();
        return false;
    default:
        return false;
    }

    // Keys are held where they reach a widget, so that they can be replayed to it. A key
    // that a widget ignores travels on to its parents and comes by again; by then nothing
    // is held, so it passes again.
    if (!m_enabled || event == s_replayedEvent || !watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    auto* keyEvent = static_cast<QKeyEvent*>(event);
    return event->type() == QEvent::KeyPress ? filterKeyPress(widget, keyEvent)
                                             : filterKeyRelease(widget, keyEvent);
}

ScannerInput::KeyKind ScannerInput::classify(const QKeyEvent* event) const
{
    const int key = event->key();
    if (isModifierKey(key))
        return KeyKind::Modifier;
    if (isTerminator(event))
        return KeyKind::Terminator;

    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier | Qt::GroupSwitchModifier);
    const QString text = event->text();
    // Wedge scanners type GS as Ctrl+]; only inside a burst, where it cannot be a shortcut.
    if (!m_held.empty() && (modifiers & ~Qt::ControlModifier) == Qt::NoModifier &&
        (text == QString(QChar(GroupSeparator)) ||
         (key == Qt::Key_BracketRight && modifiers == Qt::ControlModifier))) {
        return KeyKind::Separator;
    }
    // Ctrl+Alt with printable text is AltGr on Windows (e.g. '@' on a French layout).
    const bool altGr = modifiers == (Qt::ControlModifier | Qt::AltModifier);
    if (isPrintable(text) && (modifiers == Qt::NoModifier || altGr))
        return KeyKind::Character;
    return KeyKind::Other;
}

bool ScannerInput::filterKeyPress(QWidget* receiver, QKeyEvent* event)
{
    const int key = event->key();
    if (isModifierKey(key))
        return false;

    const qint64 now = m_clock();
    const bool quick = now - m_lastKeyTime < m_threshold;
    if (!m_held.empty() && !quick)
        replayHeld(); // the timer has not run yet, but the gap says a person typed these
    const bool afterSuffixScan = std::exchange(m_scanEndedBySuffix, false);
    m_swallowRelease = 0;

    // A key held down repeats as fast as a scanner types.
    if (event->isAutoRepeat()) {
        replayHeld();
        return false;
    }

    switch (classify(event)) {
    case KeyKind::Modifier:
        return false;
    case KeyKind::Terminator:
        if (afterSuffixScan && quick) {
            m_swallowRelease = key;
            return swallow(event);
        }
        if (!m_held.empty() && m_suffix.isEmpty() && m_heldText.startsWith(m_prefix)) {
            const QString payload = m_heldText.mid(m_prefix.size());
            if (translateSeparators(payload).size() >= m_minimumLength) {
                m_swallowRelease = key;
                swallow(event);
                finishScan(payload);
                return true;
            }
        }
        replayHeld();
        return false;
    case KeyKind::Separator:
        hold(receiver, event);
        m_heldText += QChar(GroupSeparator);
        m_lastKeyTime = now;
        return true;
    case KeyKind::Character:
        break;
    case KeyKind::Other:
        replayHeld();
        return false;
    }

    const QString text = event->text();
    if (!prefixStillPossible(m_heldText + text)) {
        replayHeld();
        if (!prefixStillPossible(text))
            return false;
    }
    hold(receiver, event);
    m_heldText += text;
    m_lastKeyTime = now;

    const qsizetype framing = m_prefix.size() + m_suffix.size();
    if (!m_suffix.isEmpty() && m_heldText.size() > framing && m_heldText.endsWith(m_suffix)) {
        const QString payload = m_heldText.mid(m_prefix.size(), m_heldText.size() - framing);
        if (translateSeparators(payload).size() >= m_minimumLength) {
            m_scanEndedBySuffix = true;
            finishScan(payload);
        } else {
            replayHeld();
        }
    }
    return true;
}

bool ScannerInput::filterKeyRelease(QWidget* receiver, QKeyEvent* event)
{
    const int key = event->key();
    if (isModifierKey(key))
        return false;
    if (m_swallowRelease != 0 && key == m_swallowRelease) {
        m_swallowRelease = 0;
        return swallow(event);
    }
    // Kept with the presses so that a replay delivers press and release in their order.
    if (!m_held.empty()) {
        hold(receiver, event);
        return true;
    }
    return false;
}

bool ScannerInput::isTerminator(const QKeyEvent* event) const
{
    return m_terminators.contains(Qt::Key(event->key())) &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool ScannerInput::prefixStillPossible(const QString& text) const
{
    if (text.size() >= m_prefix.size())
        return text.startsWith(m_prefix);
    return m_prefix.startsWith(text);
}

void ScannerInput::hold(QWidget* receiver, QKeyEvent* event)
{
    const QInputDevice* device =
        event->device() ? event->device() : QInputDevice::primaryKeyboard();
    auto copy = std::make_unique<QKeyEvent>(event->type(), event->key(), event->modifiers(),
                                            event->nativeScanCode(), event->nativeVirtualKey(),
                                            event->nativeModifiers(), event->text(),
                                            event->isAutoRepeat(), quint16(event->count()), device);
    copy->setTimestamp(event->timestamp());
    m_held.push_back({receiver, std::move(copy)});
    event->accept(); // stops the event from travelling on to the parents
    if (event->type() == QEvent::KeyPress)
        m_timer.start(m_threshold);
}

bool ScannerInput::swallow(QKeyEvent* event)
{
    event->accept();
    return true;
}

void ScannerInput::replayHeld()
{
    m_timer.stop();
    m_heldText.clear();
    // Taken out first: a replayed key may run code that types again.
    const std::vector<HeldKey> held = std::exchange(m_held, {});
    for (const HeldKey& key : held) {
        if (!key.receiver)
            continue;
        const QEvent* previous = std::exchange(s_replayedEvent, key.event.get());
        QCoreApplication::sendEvent(key.receiver, key.event.get());
        s_replayedEvent = previous;
    }
}

void ScannerInput::finishScan(const QString& payload)
{
    m_timer.stop();
    m_held.clear();
    m_heldText.clear();
    Q_EMIT scanned(translateSeparators(payload));
}

QString ScannerInput::translateSeparators(QString text) const
{
    for (const QString& alias : m_gsAliases)
        text.replace(alias, QString(QChar(GroupSeparator)));
    return text;
}
