#include "ui/KioskIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QtMath>

namespace gymgate {

namespace {

// All shapes are drawn on a 100 x 100 canvas and scaled.
void drawCheck(QPainter &painter)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(KioskColors::go);
    painter.drawEllipse(QRectF(4, 4, 92, 92));
    painter.setPen(QPen(Qt::white, 11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(QPolygonF({QPointF(28, 52), QPointF(44, 68), QPointF(73, 34)}));
}

void drawArrow(QPainter &painter)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(KioskColors::go);
    painter.drawEllipse(QRectF(4, 4, 92, 92));
    painter.setPen(QPen(Qt::white, 11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(QPointF(26, 50), QPointF(72, 50));
    painter.drawPolyline(QPolygonF({QPointF(54, 30), QPointF(74, 50), QPointF(54, 70)}));
}

void drawCross(QPainter &painter)
{
    QPolygonF octagon;
    for (int corner = 0; corner < 8; ++corner) {
        const qreal angle = qDegreesToRadians(22.5 + 45.0 * corner);
        octagon << QPointF(50 + 47 * qCos(angle), 50 + 47 * qSin(angle));
    }
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(KioskColors::stop);
    painter.drawPolygon(octagon);
    painter.setPen(QPen(Qt::white, 12, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(32, 32), QPointF(68, 68));
    painter.drawLine(QPointF(68, 32), QPointF(32, 68));
}

void drawWait(QPainter &painter)
{
    painter.setPen(QPen(Qt::white, 4));
    painter.setBrush(KioskColors::neutral);
    painter.drawEllipse(QRectF(5, 5, 90, 90));
    painter.setPen(QPen(Qt::white, 8, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(50, 50), QPointF(50, 24));
    painter.drawLine(QPointF(50, 50), QPointF(70, 62));
}

void drawWarning(QPainter &painter)
{
    painter.setPen(QPen(KioskColors::ink, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(KioskColors::caution);
    painter.drawPolygon(QPolygonF({QPointF(50, 6), QPointF(95, 90), QPointF(5, 90)}));
    painter.setPen(QPen(KioskColors::ink, 10, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(50, 34), QPointF(50, 60));
    painter.drawPoint(QPointF(50, 76));
}

void drawEmergency(QPainter &painter)
{
    // Hazard stripes around a square, then a white exit arrow on green-free black: the
    // emergency look must not be mistaken for a grant.
    painter.setPen(Qt::NoPen);
    painter.setBrush(KioskColors::caution);
    painter.drawRect(QRectF(0, 0, 100, 100));
    painter.setBrush(KioskColors::ink);
    for (int stripe = -100; stripe < 100; stripe += 20) {
        painter.drawPolygon(QPolygonF(
            {QPointF(stripe, 100), QPointF(stripe + 10, 100), QPointF(stripe + 110, 0), QPointF(stripe + 100, 0)}));
    }
    painter.drawRect(QRectF(14, 14, 72, 72));
    painter.setPen(QPen(KioskColors::caution, 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(QPointF(28, 50), QPointF(70, 50));
    painter.drawPolyline(QPolygonF({QPointF(54, 34), QPointF(72, 50), QPointF(54, 66)}));
}

void drawLogo(QPainter &painter)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(8, 30, 12, 40), 3, 3);
    painter.drawRoundedRect(QRectF(20, 22, 12, 56), 3, 3);
    painter.drawRoundedRect(QRectF(68, 22, 12, 56), 3, 3);
    painter.drawRoundedRect(QRectF(80, 30, 12, 40), 3, 3);
    painter.drawRect(QRectF(32, 45, 36, 10));
}

} // namespace

QPixmap kioskIcon(KioskIcon icon, int sizePx, qreal devicePixelRatio)
{
    const int physical = qRound(sizePx * devicePixelRatio);
    QPixmap pixmap(physical, physical);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(physical / 100.0, physical / 100.0);
    switch (icon) {
    case KioskIcon::Check:
        drawCheck(painter);
        break;
    case KioskIcon::Arrow:
        drawArrow(painter);
        break;
    case KioskIcon::Cross:
        drawCross(painter);
        break;
    case KioskIcon::Wait:
        drawWait(painter);
        break;
    case KioskIcon::Warning:
        drawWarning(painter);
        break;
    case KioskIcon::Emergency:
        drawEmergency(painter);
        break;
    case KioskIcon::Logo:
        drawLogo(painter);
        break;
    case KioskIcon::Invalid:
        break;
    }
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

} // namespace gymgate
