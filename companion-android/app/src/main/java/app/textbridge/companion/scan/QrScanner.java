package app.textbridge.companion.scan;

import android.content.Context;
import android.graphics.ImageFormat;
import android.graphics.SurfaceTexture;
import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCaptureSession;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraDevice;
import android.hardware.camera2.CameraManager;
import android.hardware.camera2.CaptureRequest;
import android.hardware.camera2.params.StreamConfigurationMap;
import android.media.Image;
import android.media.ImageReader;
import android.os.Handler;
import android.os.HandlerThread;
import android.os.Looper;
import android.util.Log;
import android.util.Size;
import android.view.Surface;
import android.view.TextureView;
import app.textbridge.companion.R;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Camera2 preview on a TextureView plus a YUV_420_888 ImageReader whose Y planes go to {@link
 * QrFrameDecoder}. Each {@link #start()} begins a {@link Run} with its own camera thread; all
 * camera state lives on that thread, results and errors come back on the main thread, and at most
 * one code is delivered per run. {@link #start()} and {@link #stop()} are main-thread calls.
 */
public final class QrScanner {
  public interface Callback {
    void onPairingCode(String text);

    /** A plain-words message resource: no camera, or it could not be opened. */
    void onCameraProblem(int messageRes);
  }

  private static final String TAG = "TextbridgeQr";

  private final Context context;
  private final TextureView preview;
  private final Callback callback;
  private final Handler main = new Handler(Looper.getMainLooper());
  private Run run;

  public QrScanner(Context context, TextureView preview, Callback callback) {
    this.context = context;
    this.preview = preview;
    this.callback = callback;
  }

  /** Opens the camera as soon as the preview surface exists. The caller holds CAMERA. */
  public void start() {
    if (run != null) {
      return;
    }
    run = new Run();
    preview.setSurfaceTextureListener(
        new TextureView.SurfaceTextureListener() {
          @Override
          public void onSurfaceTextureAvailable(SurfaceTexture texture, int width, int height) {
            if (run != null) {
              run.open();
            }
          }

          @Override
          public void onSurfaceTextureSizeChanged(SurfaceTexture texture, int width, int height) {
            if (run != null) {
              PreviewTransform.apply(preview, run.size);
            }
          }

          @Override
          public boolean onSurfaceTextureDestroyed(SurfaceTexture texture) {
            stop();
            return true;
          }

          @Override
          public void onSurfaceTextureUpdated(SurfaceTexture texture) {}
        });
    if (preview.isAvailable()) {
      run.open();
    }
  }

  public void stop() {
    if (run == null) {
      return;
    }
    preview.setSurfaceTextureListener(null);
    run.stop();
    run = null;
  }

  /** One camera session. Every field but the volatile ones is touched on its thread only. */
  private final class Run {
    private final HandlerThread thread = new HandlerThread("qr-camera");
    private final Handler handler;
    private final QrFrameDecoder decoder = new QrFrameDecoder();
    private volatile boolean stopped;
    private volatile Size size;

    /** openCamera was called and neither onOpened nor onError has answered yet. */
    private boolean opening;

    private boolean delivered;
    private boolean continuousFocus;
    private CameraDevice device;
    private CameraCaptureSession session;
    private ImageReader reader;
    private byte[] frame;

    Run() {
      thread.start();
      handler = new Handler(thread.getLooper());
    }

    void open() {
      handler.post(this::openCamera);
    }

    void stop() {
      stopped = true;
      handler.post(this::close);
    }

    private void openCamera() {
      SurfaceTexture texture = preview.getSurfaceTexture();
      if (stopped || opening || device != null || texture == null) {
        return;
      }
      CameraManager manager = context.getSystemService(CameraManager.class);
      try {
        String id = CameraChoice.pickCamera(manager);
        if (id == null) {
          report(R.string.scanner_no_camera);
          return;
        }
        CameraCharacteristics characteristics = manager.getCameraCharacteristics(id);
        StreamConfigurationMap map =
            characteristics.get(CameraCharacteristics.SCALER_STREAM_CONFIGURATION_MAP);
        continuousFocus =
            CameraChoice.supports(
                characteristics.get(CameraCharacteristics.CONTROL_AF_AVAILABLE_MODES),
                CameraCharacteristics.CONTROL_AF_MODE_CONTINUOUS_PICTURE);
        Size chosen = CameraChoice.pickSize(map.getOutputSizes(ImageFormat.YUV_420_888));
        size = chosen;
        texture.setDefaultBufferSize(chosen.getWidth(), chosen.getHeight());
        main.post(() -> PreviewTransform.apply(preview, chosen));
        reader =
            ImageReader.newInstance(
                chosen.getWidth(), chosen.getHeight(), ImageFormat.YUV_420_888, 2);
        reader.setOnImageAvailableListener(this::onFrame, handler);
        opening = true;
        manager.openCamera(id, new DeviceCallback(), handler);
      } catch (CameraAccessException | SecurityException | IllegalArgumentException e) {
        opening = false;
        Log.w(TAG, "Could not open the camera", e);
        report(R.string.scanner_camera_failed);
      }
    }

    /** Releases everything; if the camera is still opening, its callback finishes the job. */
    private void close() {
      if (session != null) {
        session.close();
        session = null;
      }
      if (device != null) {
        device.close();
        device = null;
      }
      if (opening) {
        return; // quitting now would drop onOpened and leak an open camera
      }
      if (reader != null) {
        reader.close();
        reader = null;
      }
      thread.quitSafely();
    }

    private void onFrame(ImageReader source) {
      Image image = source.acquireLatestImage(); // drops frames that queued while we decoded
      if (image == null) {
        return;
      }
      try {
        if (stopped || delivered) {
          return;
        }
        Image.Plane y = image.getPlanes()[0];
        ByteBuffer buffer = y.getBuffer();
        int length = buffer.remaining();
        if (frame == null || frame.length < length) {
          frame = new byte[length];
        }
        buffer.get(frame, 0, length);
        String text = decoder.decode(frame, image.getWidth(), image.getHeight(), y.getRowStride());
        if (text != null) {
          delivered = true;
          main.post(() -> callback.onPairingCode(text));
        }
      } finally {
        image.close();
      }
    }

    private void report(int messageRes) {
      if (!stopped) {
        main.post(() -> callback.onCameraProblem(messageRes));
      }
    }

    private final class DeviceCallback extends CameraDevice.StateCallback {
      // createCaptureSession(List, ...) is deprecated from API 30, but its replacement
      // (SessionConfiguration) needs API 28 and this app runs from 26.
      @SuppressWarnings("deprecation")
      @Override
      public void onOpened(CameraDevice opened) {
        opening = false;
        device = opened;
        if (stopped) {
          close();
          return;
        }
        Surface surface = new Surface(preview.getSurfaceTexture());
        try {
          opened.createCaptureSession(
              Arrays.asList(surface, reader.getSurface()), new SessionCallback(surface), handler);
        } catch (CameraAccessException | IllegalStateException | IllegalArgumentException e) {
          // IllegalArgumentException: the preview surface went away while the camera opened.
          Log.w(TAG, "Could not start the camera session", e);
          report(R.string.scanner_camera_failed);
        }
      }

      @Override
      public void onDisconnected(CameraDevice lost) {
        opening = false;
        lost.close(); // another app took the camera
        device = null;
        if (stopped) {
          close();
        } else {
          report(R.string.scanner_camera_failed);
        }
      }

      @Override
      public void onError(CameraDevice failed, int error) {
        Log.w(TAG, "Camera error " + error);
        onDisconnected(failed);
      }
    }

    private final class SessionCallback extends CameraCaptureSession.StateCallback {
      private final Surface surface;

      SessionCallback(Surface surface) {
        this.surface = surface;
      }

      @Override
      public void onConfigured(CameraCaptureSession configured) {
        if (stopped || device == null) {
          configured.close();
          return;
        }
        session = configured;
        try {
          CaptureRequest.Builder request =
              device.createCaptureRequest(CameraDevice.TEMPLATE_PREVIEW);
          request.addTarget(surface);
          request.addTarget(reader.getSurface());
          if (continuousFocus) { // fixed-focus cameras have no such mode
            request.set(
                CaptureRequest.CONTROL_AF_MODE, CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE);
          }
          configured.setRepeatingRequest(request.build(), null, handler);
        } catch (CameraAccessException | IllegalStateException e) {
          Log.w(TAG, "Could not start the preview", e);
          report(R.string.scanner_camera_failed);
        }
      }

      @Override
      public void onConfigureFailed(CameraCaptureSession failed) {
        report(R.string.scanner_camera_failed);
      }
    }
  }
}
