#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <memory>

class QAudioSink;
class QBuffer;
class QLabel;

// Colour and sound for what a person must notice without reading: a scan accepted or
// refused, a record saved, a positive result, the national server out of reach. Messages
// go in one visible place per screen, in the same colours everywhere (showMessage). One
// instance for the application; sounds can be turned off (setting feedback/sound).
class Feedback : public QObject
{
    Q_OBJECT

public:
    enum class Cue
    {
        Accepted, // a scan taken: one short high note
        Refused,  // a scan or an entry refused: two low notes
        Saved,    // a record saved: two rising notes
        Positive, // a positive result: three notes
        Offline,  // the national server no longer answers: two falling notes
    };
    Q_ENUM(Cue)

    // How a message reads: the colours of its band.
    enum class Tone
    {
        Info,
        Success,
        Warning,
        Error,
    };
    Q_ENUM(Tone)

    static Feedback* instance();
    ~Feedback() override;

    // Plays the cue's sound (when sounds are on and there is an audio output) and tells
    // listeners.
    void cue(Cue cue);

    // Shows `text` in `label` as a coloured band; an empty text hides the band. The label's
    // "tone" property says which, for tests and style sheets.
    static void showMessage(QLabel* label, Tone tone, const QString& text);
    static void clearMessage(QLabel* label);
    static QColor foreground(Tone tone);
    static QColor background(Tone tone);
    static QString styleSheet(Tone tone);

    // The sound of a cue as 16-bit mono PCM at SampleRate.
    static constexpr int SampleRate = 22050;
    static QByteArray tone(Cue cue);

Q_SIGNALS:
    void cued(Feedback::Cue cue);

private:
    explicit Feedback(QObject* parent = nullptr);
    void play(const QByteArray& pcm);

    std::unique_ptr<QAudioSink> m_sink;
    std::unique_ptr<QBuffer> m_buffer;
    bool m_noOutput = false;
};
