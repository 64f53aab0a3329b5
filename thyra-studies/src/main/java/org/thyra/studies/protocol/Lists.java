package org.thyra.studies.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Unmodifiable copies that keep null elements: a value that could not be bound is null. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
