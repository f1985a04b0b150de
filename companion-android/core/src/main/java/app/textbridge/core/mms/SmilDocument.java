package app.textbridge.core.mms;

import java.util.List;

/**
 * The SMIL presentation that opens every multipart/related MMS (the body's start part). Receiving
 * phones and MMSCs lay the message out from it, and some drop parts it does not mention, so it
 * follows what Android's Messaging app writes: an "Image" region above a "Text" region (80/20 when
 * there are both), one 5-second slide per picture, a slide for the text last, and a plain {@code
 * <ref>} for anything that is neither picture, video nor sound.
 *
 * <p>Part names are restricted to letters, digits, '.', '_' and '-' by the request builder, so they
 * go into the attributes without escaping.
 */
final class SmilDocument {
  static final String NAME = "smil.xml";
  static final String SLIDE = "5000ms";

  private SmilDocument() {}

  /** The document for {@code media} (attachments, in order) and the text part (or null). */
  static String of(List<MmsPart> media, MmsPart text) {
    boolean visual = false;
    StringBuilder body = new StringBuilder();
    for (MmsPart p : media) {
      String type = p.mimeType();
      String src = p.name();
      if (type.startsWith("image/")) {
        visual = true;
        body.append(
            "<par dur=\"" + SLIDE + "\"><img src=\"" + src + "\" region=\"Image\" /></par>");
      } else if (type.startsWith("video/")) {
        // No dur: the slide lasts as long as the clip, whose length the core does not know.
        visual = true;
        body.append("<par><video src=\"" + src + "\" region=\"Image\" /></par>");
      } else if (type.startsWith("audio/")) {
        body.append("<par><audio src=\"" + src + "\" /></par>");
      } else {
        body.append("<par dur=\"" + SLIDE + "\"><ref src=\"" + src + "\" /></par>");
      }
    }
    if (text != null) {
      body.append(
          "<par dur=\"" + SLIDE + "\"><text src=\"" + text.name() + "\" region=\"Text\" /></par>");
    }
    StringBuilder s = new StringBuilder("<smil><head><layout><root-layout/>");
    if (visual && text != null) {
      s.append(
          "<region id=\"Image\" fit=\"meet\" top=\"0\" left=\"0\" height=\"80%\" width=\"100%\"/>");
      s.append("<region id=\"Text\" top=\"80%\" left=\"0\" height=\"20%\" width=\"100%\"/>");
    } else if (visual) {
      s.append(
          "<region id=\"Image\" fit=\"meet\" top=\"0\" left=\"0\" height=\"100%\" width=\"100%\"/>");
    } else if (text != null) {
      s.append("<region id=\"Text\" top=\"0\" left=\"0\" height=\"100%\" width=\"100%\"/>");
    }
    s.append("</layout></head><body>").append(body).append("</body></smil>");
    return s.toString();
  }
}
