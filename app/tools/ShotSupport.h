#pragma once

// Shared by the screenshot tools (gymgate-desk-shots, gymgate-tech-shots): where the pictures go,
// the font they are drawn in, and how a grab becomes a small PNG.

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFont>
#include <QImage>
#include <QString>
#include <QTextStream>

namespace gymgate::shots {

// Creates the output folder and sets the font the documentation's pictures use (Noto CJK draws
// both languages); false, with the reason on `err`, when the folder cannot be made.
inline bool prepare(const QString &outDir, QTextStream &err)
{
    if (!QDir().mkpath(outDir)) {
        err << QCoreApplication::translate("ShotSupport", "Cannot create %1").arg(outDir) << Qt::endl;
        return false;
    }
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    return true;
}

// Writes `image` as <directory>/<name>.png and prints the path on `out`. 16-bit colour is
// indistinguishable on these flat widgets and keeps a full table under 200 KB.
inline bool savePng(
    const QImage &image, const QString &directory, const QString &name, QTextStream &out, QTextStream &err)
{
    const QString path = QDir(directory).filePath(name + QStringLiteral(".png"));
    const QImage compact = image.convertToFormat(QImage::Format_RGB16).convertToFormat(QImage::Format_RGB888);
    if (!compact.save(path, "PNG", 9)) {
        err << QCoreApplication::translate("ShotSupport", "Cannot write %1").arg(path) << Qt::endl;
        return false;
    }
    out << path << Qt::endl;
    return true;
}

} // namespace gymgate::shots
