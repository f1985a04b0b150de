package app.textbridge.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A contact (PROTOCOL.md §9.8). The photo is JPEG bytes, or null. */
public final class Contact {
  public final String id;
  public final String name;
  public final List<Number> numbers;
  public final byte[] photoJpeg;

  public Contact(String id, String name, List<Number> numbers, byte[] photoJpeg) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.numbers = Collections.unmodifiableList(new ArrayList<>(numbers));
    this.photoJpeg = photoJpeg;
  }

  /** One phone number of a contact. {@code type} is mobile, home, work or other. */
  public static final class Number {
    public final String number;
    public final String type;
    public final String label;

    public Number(String number, String type, String label) {
      this.number = Objects.requireNonNull(number, "number");
      this.type = Objects.requireNonNull(type, "type");
      this.label = label;
    }
  }
}
