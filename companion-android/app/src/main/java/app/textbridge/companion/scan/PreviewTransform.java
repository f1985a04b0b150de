package app.textbridge.companion.scan;

import android.graphics.Matrix;
import android.graphics.RectF;
import android.util.Size;
import android.view.Display;
import android.view.Surface;
import android.view.TextureView;

/**
 * Makes the camera preview fill its TextureView without stretching (a centre crop). The TextureView
 * already turns the sensor image upright for the device's natural orientation and stretches it to
 * the view; this undoes the stretch, and in landscape also the rotation, as in Google's
 * Camera2Basic sample. Assumes the usual sensor mounted at 90 or 270 degrees. Call on the main
 * thread.
 */
final class PreviewTransform {
  private PreviewTransform() {}

  static void apply(TextureView view, Size buffer) {
    float viewWidth = view.getWidth();
    float viewHeight = view.getHeight();
    if (buffer == null || viewWidth == 0 || viewHeight == 0) {
      return; // not laid out yet: called again from onSurfaceTextureSizeChanged
    }
    Display display = view.getDisplay();
    int rotation = display == null ? Surface.ROTATION_0 : display.getRotation();
    float cx = viewWidth / 2f;
    float cy = viewHeight / 2f;
    Matrix matrix = new Matrix();
    if (rotation == Surface.ROTATION_90 || rotation == Surface.ROTATION_270) {
      RectF viewRect = new RectF(0, 0, viewWidth, viewHeight);
      RectF bufferRect = new RectF(0, 0, buffer.getHeight(), buffer.getWidth());
      bufferRect.offset(cx - bufferRect.centerX(), cy - bufferRect.centerY());
      matrix.setRectToRect(viewRect, bufferRect, Matrix.ScaleToFit.FILL);
      float scale = Math.max(viewHeight / buffer.getHeight(), viewWidth / buffer.getWidth());
      matrix.postScale(scale, scale, cx, cy);
      matrix.postRotate(90 * (rotation - 2), cx, cy);
    } else {
      // Upright content is the buffer turned a quarter: its width is the buffer's height.
      float contentWidth = buffer.getHeight();
      float contentHeight = buffer.getWidth();
      float scale = Math.max(viewWidth / contentWidth, viewHeight / contentHeight);
      matrix.setScale(contentWidth * scale / viewWidth, contentHeight * scale / viewHeight, cx, cy);
      if (rotation == Surface.ROTATION_180) {
        matrix.postRotate(180, cx, cy);
      }
    }
    view.setTransform(matrix);
  }
}
