#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(5 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

void IdleWatcher::setTimeout(int milliseconds)
{
    m_timer.setInterval(milliseconds);
    if (m_timer.isActive())
        m_timer.start();
}

void IdleWatcher::start()
{
    m_timer.start();
}

void IdleWatcher::stop()
{
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_timer.isActive())
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
