#include "FileLock.h"

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <sys/file.h>
#endif

FileLock::FileLock(const QString& path)
    : m_file(path)
{}

FileLock::~FileLock()
{
    unlock();
}

bool FileLock::tryLock()
{
    if (m_locked)
        return true;
    // Opened for each attempt: the lock belongs to this open file, not to the process.
    if (!m_file.isOpen() && !m_file.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_WIN
    OVERLAPPED whole = {};
    m_locked = LockFileEx(reinterpret_cast<HANDLE>(_get_osfhandle(m_file.handle())),
                          LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &whole);
#else
    m_locked = ::flock(m_file.handle(), LOCK_EX | LOCK_NB) == 0;
#endif
    if (!m_locked)
        m_file.close();
    return m_locked;
}

void FileLock::unlock()
{
    if (!m_locked)
        return;
    // Closing the file releases the lock on every system.
    m_file.close();
    m_locked = false;
}
