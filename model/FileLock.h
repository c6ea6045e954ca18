#pragma once

#include <QFile>
#include <QString>

// A lock that several processes take in turn on one file, held by an open descriptor: the
// system releases it when its holder ends, however it ends (flock on Unix, LockFileEx on
// Windows). QLockFile writes its owner into the file after creating it, so a process
// killed in between leaves an empty file that QLockFile never takes for stale: every
// later tryLock() then fails for good. The file itself stays (removing a locked file would
// let two holders lock two different files).
class FileLock
{
public:
    explicit FileLock(const QString& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    // Takes the lock without waiting: false when another holder (another process, or
    // another FileLock on the same file in this one) has it, or the file cannot be opened.
    [[nodiscard]] bool tryLock();
    void unlock();
    bool isLocked() const { return m_locked; }

private:
    QFile m_file;
    bool m_locked = false;
};
