package app.textbridge.companion.scan;

import static org.junit.Assert.assertEquals;

import android.util.Size;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class CameraChoiceTest {
  @Test
  public void picksTheLargestFrameThatStillDecodesQuickly() {
    Size[] offered = {
      new Size(4032, 3024),
      new Size(1920, 1080),
      new Size(1280, 720),
      new Size(1024, 768),
      new Size(640, 480),
      new Size(320, 240)
    };
    assertEquals(new Size(1280, 720), CameraChoice.pickSize(offered));
  }

  @Test
  public void fallsBackToTheSmallestWhenEveryFrameIsLarge() {
    Size[] offered = {new Size(4032, 3024), new Size(1920, 1440)};
    assertEquals(new Size(1920, 1440), CameraChoice.pickSize(offered));
  }
}
