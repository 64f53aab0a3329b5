package org.thyra.stats.survival;

import java.util.Arrays;

/**
 * Times partitioned by a cell code (a counting sort, no boxing) and sorted within each cell: {@code
 * all[allStart[c], allStart[c+1])} holds cell {@code c}'s times ascending and {@code
 * events[eventStart[c], eventStart[c+1])} its event times ascending.
 */
final class SortedCells {
  final double[] all;
  final int[] allStart;
  final double[] events;
  final int[] eventStart;

  private SortedCells(double[] all, int[] allStart, double[] events, int[] eventStart) {
    this.all = all;
    this.allStart = allStart;
    this.events = events;
    this.eventStart = eventStart;
  }

  static SortedCells of(double[] time, int[] status, int[] cell, int cellCount) {
    int n = time.length;
    int[] allStart = new int[cellCount + 1];
    int[] eventStart = new int[cellCount + 1];
    for (int i = 0; i < n; i++) {
      allStart[cell[i] + 1]++;
      eventStart[cell[i] + 1] += status[i];
    }
    for (int c = 0; c < cellCount; c++) {
      allStart[c + 1] += allStart[c];
      eventStart[c + 1] += eventStart[c];
    }
    double[] all = new double[n];
    double[] events = new double[eventStart[cellCount]];
    int[] pa = Arrays.copyOf(allStart, cellCount);
    int[] pe = Arrays.copyOf(eventStart, cellCount);
    for (int i = 0; i < n; i++) {
      double t = time[i] + 0.0; // -0.0 -> 0.0
      all[pa[cell[i]]++] = t;
      if (status[i] == 1) {
        events[pe[cell[i]]++] = t;
      }
    }
    for (int c = 0; c < cellCount; c++) {
      Arrays.sort(all, allStart[c], allStart[c + 1]);
      Arrays.sort(events, eventStart[c], eventStart[c + 1]);
    }
    return new SortedCells(all, allStart, events, eventStart);
  }
}
