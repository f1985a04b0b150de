package app.textbridge.companion.provider;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.model.PartData;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.ThreadSummary;
import app.textbridge.core.support.StderrLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** Reading a Telephony provider with AOSP's columns, and with an OEM's odd rows. */
@RunWith(RobolectricTestRunner.class)
public class ProviderSmsStoreTest {
  static final long T = 1_700_000_000_000L;
  private static final int INBOX = 1;
  private static final int SENT = 2;
  private static final int DRAFT = 3;
  private static final int FROM = 0x89;
  private static final int TO = 0x97;

  private static ProviderSmsStore store() {
    return new ProviderSmsStore(
        RuntimeEnvironment.getApplication().getContentResolver(),
        Collections::<String>emptySet,
        new StderrLog(true));
  }

  private static List<String> ids(List<SmsRecord> rows) {
    List<String> out = new ArrayList<>();
    for (SmsRecord r : rows) {
      out.add(r.id);
    }
    return out;
  }

  @Test
  public void mergesSmsAndMmsInHistoryOrderWithTheirRealShapes() throws Exception {
    Phone phone = Phone.install(false);
    long a = phone.sms(1, "+447700900123", T, INBOX, "first", 1, 2);
    long m = phone.mms(2, (T + 5_000) / 1000, INBOX, 132);
    phone.addr(m, "+447700900999", FROM);
    phone.addr(m, "insert-address-token", TO);
    phone.addr(m, "+447700900555", TO);
    phone.smil(m);
    phone.textPart(m, "line one");
    phone.textPart(m, "line two");
    long img = phone.filePart(m, "image/jpeg", "cat.jpg", new byte[] {1, 2, 3});
    long b = phone.sms(1, "+447700900123", T + 10_000, SENT, "third", 1, 1);

    List<SmsRecord> page = store().history(null, 10);
    assertEquals(java.util.Arrays.asList("sms:" + b, "mms:" + m, "sms:" + a), ids(page));
    SmsRecord sent = page.get(0);
    assertNull("outgoing has no sender", sent.sender);
    assertEquals(SmsRecord.Box.SENT, sent.box);
    assertEquals(Integer.valueOf(1), sent.subId);
    SmsRecord mms = page.get(1);
    assertEquals(SmsRecord.Kind.MMS, mms.kind);
    assertEquals("mms dates are seconds in the provider", T + 5_000, mms.date);
    assertEquals("line one\nline two", mms.body);
    assertEquals("+447700900999", mms.sender);
    assertEquals(java.util.Arrays.asList("+447700900999", "+447700900555"), mms.addresses);
    assertEquals(1, mms.parts.size());
    assertEquals("mms:" + m + ":" + img, mms.parts.get(0).partId);
    assertEquals("image/jpeg", mms.parts.get(0).mime);
    assertEquals("cat.jpg", mms.parts.get(0).name);
    assertEquals(3, store().count());
  }

  @Test
  public void oddOemRowsAreSkippedOrDegradedAndNeverSinkThePage() throws Exception {
    Phone phone = Phone.install(true); // no date_sent, no sub_id columns
    long withheld = phone.sms(1, null, T + 6_000, INBOX, "from a withheld number", 0, null);
    phone.sms(1, null, T + 5_000, DRAFT, "draft to nobody", 1, null);
    phone.sms(1, "+447700900123", T + 4_000, 0, "type 0 is not a box", 1, null);
    long nullBody = phone.sms(1, "+447700900123", T + 3_000, INBOX, null, 1, null);
    long noText = phone.mms(2, (T + 2_000) / 1000, INBOX, 132);
    phone.addr(noText, "+447700900999", FROM);
    phone.addr(noText, "+447700900000", TO);
    long untyped = phone.filePart(noText, null, "photo.jpg", new byte[] {9});
    long nobody = phone.mms(3, (T + 1_000) / 1000, SENT, 128); // no address rows at all
    long ok = phone.sms(1, "+447700900123", T, INBOX, "fine", 1, null);

    List<SmsRecord> page = store().history(null, 4);
    assertEquals(
        "a full page despite three bad rows",
        java.util.Arrays.asList("sms:" + withheld, "sms:" + nullBody, "mms:" + noText, "sms:" + ok),
        ids(page));
    assertEquals(SmsRows.UNKNOWN_ADDRESS, page.get(0).sender);
    assertNull("no sub_id column: unknown SIM", page.get(0).subId);
    assertNull(page.get(0).dateSent);
    assertEquals("", page.get(1).body);
    SmsRecord mms = page.get(2);
    assertEquals("an MMS with no text part has an empty body", "", mms.body);
    assertEquals(
        "one-to-one: the single recipient is this phone",
        Collections.singletonList("+447700900999"),
        mms.addresses);
    assertEquals(
        "a null content type is guessed from the name", "image/jpeg", mms.parts.get(0).mime);
    assertEquals("mms:" + noText + ":" + untyped, mms.parts.get(0).partId);
    assertFalse(ids(store().history(null, 50)).contains("mms:" + nobody));
  }

  @Test
  public void pagesFollowTheStringOrderOfIdsWithinOneMillisecond() throws Exception {
    Phone phone = Phone.install(false);
    for (int i = 0; i < 12; i++) {
      phone.sms(1, "+447700900123", T, INBOX, "same ms " + i, 1, 1); // ids 1..12
    }
    long m = phone.mms(1, T / 1000, INBOX, 132);
    phone.addr(m, "+447700900123", FROM);
    ProviderSmsStore store = store();
    List<String> all = ids(store.history(null, 100));
    List<String> expected = new ArrayList<>(all);
    expected.sort(Collections.reverseOrder());
    assertEquals("ids compared as strings: sms:9 before sms:12 before mms:1", expected, all);
    List<String> paged = new ArrayList<>();
    HistoryPosition at = null;
    for (List<SmsRecord> p; !(p = store.history(at, 5)).isEmpty(); ) {
      paged.addAll(ids(p));
      at = HistoryPosition.of(p.get(p.size() - 1));
    }
    assertEquals(all, paged);
    assertEquals(13, new HashSet<>(paged).size());
  }

  @Test
  public void threadsAreNewestFirstAndEachThreadReadsItsNewestMessages() throws Exception {
    Phone phone = Phone.install(false);
    phone.sms(7, "+447700900123", T, INBOX, "old thread", 1, 1);
    phone.sms(8, "+447700900456", T + 1_000, INBOX, "a", 1, 1);
    long m = phone.mms(8, (T + 3_000) / 1000, SENT, 128);
    phone.addr(m, "+447700900456", TO);
    phone.sms(8, "+447700900456", T + 2_000, SENT, "b", 1, 1);
    ProviderSmsStore store = store();
    List<ThreadSummary> threads = store.threads(null, 10);
    assertEquals(8, threads.get(0).threadId);
    assertEquals(T + 3_000, threads.get(0).newestDate);
    assertEquals(3, threads.get(0).messageCount);
    assertEquals(7, threads.get(1).threadId);
    assertEquals(
        1, store.threads(new app.textbridge.core.model.ThreadPosition(T + 3_000, 8), 10).size());
    List<SmsRecord> newest = store.newestInThread(8, 2);
    assertEquals(java.util.Arrays.asList("mms:" + m, "sms:3"), ids(newest));
    assertEquals("b", newest.get(1).body);
  }

  @Test
  public void getReadsOneMessageAndPartsAreReadInSlicesThroughTheirUri() throws Exception {
    Phone phone = Phone.install(false);
    long m = phone.mms(2, T / 1000, INBOX, 132);
    phone.addr(m, "+447700900999", FROM);
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    long part = phone.filePart(m, "image/png", "x.png", data);
    ProviderSmsStore store = store();
    assertTrue(store.get("mms:" + m).isPresent());
    assertFalse(store.get("sms:99").isPresent());
    assertFalse(store.get("nonsense").isPresent());

    PartData slice = store.readPart("mms:" + m + ":" + part, 990, 64).get();
    assertEquals("image/png", slice.mime);
    assertEquals(1000, slice.total);
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 990, 1000), slice.bytes);
    assertFalse(
        "the part belongs to another message",
        store.readPart("mms:" + (m + 1) + ":" + part, 0, 10).isPresent());
    assertFalse(store.readPart("mms:" + m + ":999", 0, 10).isPresent());
  }

  @Test
  public void theConversationsSimOnlyMatchesTheSameLine() throws Exception {
    Phone phone = Phone.install(false);
    phone.sms(1, "+44 7700 900123", T, INBOX, "x", 1, 4);
    phone.sms(2, "+15550100123", T + 1, INBOX, "y", 1, 9);
    ProviderSmsStore store = store();
    assertEquals(Integer.valueOf(4), store.lastSubIdWith("07700900123").get());
    assertFalse(store.lastSubIdWith("+447700900999").isPresent());
  }

  @Test
  public void withoutASubIdColumnThereIsNoConversationSim() throws Exception {
    Phone phone = Phone.install(true);
    phone.sms(1, "+447700900123", T, INBOX, "x", 1, null);
    assertFalse(store().lastSubIdWith("+447700900123").isPresent());
  }
}
