#pragma once

#include <QImage>
#include <QPolygonF>
#include <QRandomGenerator>

namespace gymgate::qrgen {

// Image degradations for QR test pictures. Every function works on Format_RGB32 images and
// draws its randomness from the generator passed in, so a seed gives the same picture.

QImage canvas(int width, int height, QColor colour);
// The code (a Grayscale8 image from QrEncoder) with black and white replaced by dark and light.
QImage recolour(const QImage &code, QColor dark, QColor light);
// Draws `image` centred on `centre`, rotated by angleDeg and scaled, with smooth sampling.
void place(QImage &target, const QImage &image, QPointF centre, double angleDeg, double scale = 1.0);
// Draws `image` so that its corners land on `quad` (top-left, top-right, bottom-right, bottom-left).
void placeOnQuad(QImage &target, const QImage &image, const QPolygonF &quad);

void addNoise(QImage &image, double sigma, QRandomGenerator &random);
// `passes` box blurs; two come close to a Gaussian.
void boxBlur(QImage &image, int radius, int passes = 2);
// Multiplies brightness by a left-to-right ramp and a soft spot of light (uneven lighting).
void unevenLight(QImage &image, double leftGain, double rightGain, QPointF spot, double spotGain);
QImage jpegRoundTrip(const QImage &image, int quality);

// Look-alikes of things a camera sees at a gym desk.
void drawPseudoText(QImage &image, const QRectF &area, double lineHeight, QColor ink, QRandomGenerator &random);
void drawLinearBarcode(QImage &image, const QRectF &area, QRandomGenerator &random);
void drawRandomModules(QImage &image, const QRectF &area, int modules, bool withFinders, QRandomGenerator &random);

} // namespace gymgate::qrgen
