#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;
class QWidget;

// Recognises barcode scanners that behave as a keyboard ("keyboard wedge"), wherever the
// focus is. A scanner types a whole code in a few milliseconds and ends it with Enter or Tab;
// a nurse in gloves types far slower. Installed as an application-wide event filter, it
// holds back key presses while they could still be a scan and then either swallows them
// and emits scanned(), or replays them, in order, to the widget they were meant for. A
// person's typing is therefore never lost, only delayed by at most the inter-key threshold.
//
// What counts as a scan: a burst of printable characters whose gaps are all below the
// threshold, at least minimumLength() long, ended by a terminator key; when a prefix is set
// the burst must start with it, and when a suffix is set the suffix ends the scan instead of
// a terminator (a terminator the scanner adds just after the suffix is swallowed too).
// Keys with Ctrl, Alt or Meta (shortcuts) pass through untouched, except the GS separator
// of DataMatrix codes (Ctrl+]), which is read as part of a scan.
//
// scanned() is emitted from inside event delivery; the filter's state is already reset,
// so receivers may react as they like, but should not start a nested event loop.
class ScannerInput : public QObject
{
    Q_OBJECT

public:
    // Milliseconds on a monotonic clock; injectable so that tests decide the timing.
    using Clock = std::function<qint64()>;

    static constexpr int DefaultInterKeyThreshold = 35;
    static constexpr int DefaultMinimumLength = 4;

    explicit ScannerInput(QObject* parent = nullptr);
    ~ScannerInput() override;

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // A gap between two keys at or above this ends a burst: that is a person typing.
    void setInterKeyThreshold(int milliseconds);
    int interKeyThreshold() const { return m_threshold; }

    // Shortest scan, prefix and suffix excluded.
    void setMinimumLength(int characters);
    int minimumLength() const { return m_minimumLength; }

    // Keys that end a scan when no suffix is set (default: Return, Enter, Tab).
    void setTerminatorKeys(const QList<Qt::Key>& keys);
    QList<Qt::Key> terminatorKeys() const { return m_terminators; }

    // Printable strings the scanner is configured to send around each code; empty: none.
    void setPrefix(const QString& prefix);
    QString prefix() const { return m_prefix; }
    void setSuffix(const QString& suffix);
    QString suffix() const { return m_suffix; }

    // Printable stand-ins that some scanners type for the GS separator (e.g. "<GS>", "^]");
    // they are turned back into QChar(0x1D) in the scanned text. Empty by default, because
    // a stand-in could be genuine data on another site's labels.
    void setGroupSeparatorAliases(const QStringList& aliases);
    QStringList groupSeparatorAliases() const { return m_gsAliases; }

    void setClock(Clock clock);

    // Delivers the held keys if the burst has gone quiet for the threshold. The internal
    // timer calls this; a test with a fake clock calls it after moving the clock.
    void flushIfQuiet();
    bool hasHeldKeys() const { return !m_held.empty(); }

Q_SIGNALS:
    // The scanned text without prefix, suffix or terminator; GS separators as QChar(0x1D).
    void scanned(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey
    {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };

    enum class KeyKind
    {
        Modifier,
        Terminator,
        Separator,
        Character,
        Other,
    };

    KeyKind classify(const QKeyEvent* event) const;
    bool filterKeyPress(QWidget* receiver, QKeyEvent* event);
    bool filterKeyRelease(QWidget* receiver, QKeyEvent* event);
    bool isTerminator(const QKeyEvent* event) const;
    bool prefixStillPossible(const QString& text) const;
    void hold(QWidget* receiver, QKeyEvent* event);
    bool swallow(QKeyEvent* event);
    void replayHeld();
    void finishScan(const QString& payload);
    QString translateSeparators(QString text) const;

    bool m_enabled = true;
    int m_threshold = DefaultInterKeyThreshold;
    int m_minimumLength = DefaultMinimumLength;
    QList<Qt::Key> m_terminators;
    QString m_prefix;
    QString m_suffix;
    QStringList m_gsAliases;
    Clock m_clock;
    QTimer m_timer;

    std::vector<HeldKey> m_held;
    QString m_heldText;
    qint64 m_lastKeyTime = 0;
    // A suffix-ended scan may still be followed by the scanner's own Enter.
    bool m_scanEndedBySuffix = false;
    // The scanner's release of a swallowed terminator must not reach a widget either.
    int m_swallowRelease = 0;
    // The copy being replayed, which must pass this filter (and its parents) untouched.
    // Shared by every instance: a key one of them replays must pass all of them (two
    // windows, each with its own detector, must not hold each other's replays).
    static inline const QEvent* s_replayedEvent = nullptr;
};
