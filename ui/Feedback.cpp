#include "Feedback.h"

#include <QApplication>
#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QBuffer>
#include <QLabel>
#include <QMediaDevices>
#include <QPointer>
#include <QSettings>
#include <QtEndian>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {

struct Note
{
    double frequency; // Hz; 0 is a silence
    int milliseconds;
};

QByteArray render(std::initializer_list<Note> notes)
{
    QByteArray pcm;
    for (const Note& note : notes) {
        const int samples = Feedback::SampleRate * note.milliseconds / 1000;
        const int fade = std::min(samples / 4, Feedback::SampleRate / 200); // no clicks
        for (int i = 0; i < samples; ++i) {
            double amplitude = note.frequency > 0 ? 0.35 : 0.0;
            if (i < fade)
                amplitude *= double(i) / fade;
            else if (i > samples - fade)
                amplitude *= double(samples - i) / fade;
            const double value = amplitude * std::sin(2 * std::numbers::pi * note.frequency * i /
                                                      Feedback::SampleRate);
            char bytes[2];
            qToLittleEndian(qint16(value * 32767), bytes);
            pcm.append(bytes, 2);
        }
    }
    return pcm;
}

} // namespace

Feedback::Feedback(QObject* parent)
    : QObject(parent)
{}

Feedback::~Feedback() = default;

Feedback* Feedback::instance()
{
    static QPointer<Feedback> feedback;
    if (!feedback)
        feedback = new Feedback(QCoreApplication::instance());
    return feedback;
}

QByteArray Feedback::tone(Cue cue)
{
    switch (cue) {
    case Cue::Accepted:
        return render({{1320, 70}});
    case Cue::Refused:
        return render({{330, 180}, {0, 60}, {330, 180}});
    case Cue::Saved:
        return render({{880, 90}, {1320, 110}});
    case Cue::Positive:
        return render({{660, 120}, {0, 50}, {660, 120}, {0, 50}, {660, 120}});
    case Cue::Offline:
        return render({{660, 150}, {440, 200}});
    }
    return {};
}

void Feedback::cue(Cue cue)
{
    if (QSettings().value(u"feedback/sound"_s, true).toBool())
        play(tone(cue));
    Q_EMIT cued(cue);
}

void Feedback::play(const QByteArray& pcm)
{
    if (m_noOutput)
        return;
    if (!m_sink) {
        const QAudioDevice output = QMediaDevices::defaultAudioOutput();
        QAudioFormat format;
        format.setSampleRate(SampleRate);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);
        if (output.isNull() || !output.isFormatSupported(format)) {
            m_noOutput = true; // a workstation without speakers: colours only
            return;
        }
        m_sink = std::make_unique<QAudioSink>(output, format);
    }
    m_sink->stop();
    m_buffer = std::make_unique<QBuffer>();
    m_buffer->setData(pcm);
    m_buffer->open(QIODevice::ReadOnly);
    m_sink->start(m_buffer.get());
}

QColor Feedback::foreground(Tone tone)
{
    switch (tone) {
    case Tone::Info:
        return QColor(0x1f, 0x2a, 0x44);
    case Tone::Success:
        return QColor(0x1b, 0x5e, 0x20);
    case Tone::Warning:
        return QColor(0x6d, 0x3a, 0x00);
    case Tone::Error:
        return QColor(0xb0, 0x00, 0x20);
    }
    return {};
}

QColor Feedback::background(Tone tone)
{
    switch (tone) {
    case Tone::Info:
        return QColor(0xe8, 0xee, 0xf7);
    case Tone::Success:
        return QColor(0xe6, 0xf4, 0xe7);
    case Tone::Warning:
        return QColor(0xff, 0xf3, 0xd6);
    case Tone::Error:
        return QColor(0xfd, 0xec, 0xee);
    }
    return {};
}

QString Feedback::styleSheet(Tone tone)
{
    return u"QLabel { color: %1; background: %2; border-left: 4px solid %1; "
           "padding: 4px 8px; }"_s.arg(foreground(tone).name(), background(tone).name());
}

void Feedback::showMessage(QLabel* label, Tone tone, const QString& text)
{
    if (text.isEmpty()) {
        clearMessage(label);
        return;
    }
    label->setText(text);
    label->setWordWrap(true);
    label->setStyleSheet(styleSheet(tone));
    label->setProperty("tone", QVariant::fromValue(tone));
    label->show();
}

void Feedback::clearMessage(QLabel* label)
{
    label->clear();
    label->setStyleSheet(QString());
    label->setProperty("tone", QVariant());
    label->hide();
}
