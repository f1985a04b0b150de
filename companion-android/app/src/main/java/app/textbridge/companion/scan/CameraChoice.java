package app.textbridge.companion.scan;

import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraManager;
import android.util.Size;

/** Which camera and frame size the QR scanner uses, and what the camera supports. */
final class CameraChoice {
  /** Enough pixels for a QR code across a desk, few enough to decode several frames a second. */
  private static final int MAX_PIXELS = 1280 * 720;

  private CameraChoice() {}

  /** The largest size within MAX_PIXELS; the smallest offered if all are larger. */
  static Size pickSize(Size[] sizes) {
    Size best = null;
    Size smallest = null;
    for (Size s : sizes) {
      long pixels = (long) s.getWidth() * s.getHeight();
      if (smallest == null || pixels < (long) smallest.getWidth() * smallest.getHeight()) {
        smallest = s;
      }
      if (pixels <= MAX_PIXELS
          && (best == null || pixels > (long) best.getWidth() * best.getHeight())) {
        best = s;
      }
    }
    if (smallest == null) {
      throw new IllegalArgumentException("The camera offers no YUV output size");
    }
    return best != null ? best : smallest;
  }

  static String pickCamera(CameraManager manager) throws CameraAccessException {
    String[] ids = manager.getCameraIdList();
    for (String id : ids) {
      Integer facing = manager.getCameraCharacteristics(id).get(CameraCharacteristics.LENS_FACING);
      if (facing != null && facing == CameraCharacteristics.LENS_FACING_BACK) {
        return id;
      }
    }
    return ids.length > 0 ? ids[0] : null; // a tablet may only have a front camera
  }

  static boolean supports(int[] modes, int mode) {
    if (modes != null) {
      for (int m : modes) {
        if (m == mode) {
          return true;
        }
      }
    }
    return false;
  }
}
