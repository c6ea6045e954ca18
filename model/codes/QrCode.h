#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QRectF>
#include <QString>
#include <memory>

class QPainter;

// A QR code made with libqrencode, which stays behind this class: nothing else includes
// qrencode.h. The symbol is computed once; it can then be drawn as an image (screen, PNG)
// or painted on any QPainter (a PDF or a printer page) at any size.
class QrCode
{
    Q_DECLARE_TR_FUNCTIONS(QrCode)

public:
    // The quiet zone the QR specification requires around the symbol, in modules.
    static constexpr int QuietZone = 4;

    enum class ErrorCorrection
    {
        Low,      // 7 %
        Medium,   // 15 %: enough for a slip handled by a patient
        Quartile, // 25 %
        High,     // 30 %
    };

    QrCode();
    // Encodes the UTF-8 bytes of `text` in byte mode. isNull() when it cannot be encoded
    // (empty, too long); errorString() says why.
    explicit QrCode(const QString& text, ErrorCorrection level = ErrorCorrection::Medium);
    ~QrCode();
    QrCode(const QrCode& other);
    QrCode& operator=(const QrCode& other);

    // The libqrencode library in use ("4.1.1"): for the About box.
    static QString libraryVersion();

    bool isNull() const;
    QString errorString() const;
    QString text() const;
    // Modules per side, without the quiet zone.
    int size() const;
    bool isDark(int x, int y) const;

    // Black on white, 8-bit gray, `moduleSize` pixels per module, quiet zone included.
    QImage toImage(int moduleSize = 8) const;
    // Paints the symbol and its quiet zone (white) in the largest square centred in `area`.
    void paint(QPainter& painter, const QRectF& area) const;

private:
    struct Private;
    std::shared_ptr<const Private> d;
};
