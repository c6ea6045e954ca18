#pragma once

#include <QDialog>
#include <memory>

class QCamera;
class QLabel;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoSink;

// Reads a code with the workstation's camera: shows the picture, decodes frames as they
// come (the fast ZXing setting: a code missed in one frame is read in the next) and closes
// with the first code found. Says plainly when the machine has no camera.
class CameraScanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CameraScanDialog(QWidget* parent = nullptr);
    ~CameraScanDialog() override;

    static bool hasCamera();
    QString scannedText() const { return m_text; }

private:
    void frameArrived(const QVideoFrame& frame);

    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QVideoSink> m_sink;
    QLabel* m_view = nullptr;
    QLabel* m_message = nullptr;
    QString m_text;
};
