package io.partnerflow.app.demo;

/** How far the demo history got: applications submitted of all, finished, the failure if any. */
record DemoHistoryProgress(int done, int total, boolean finished, String failure) {

  String describe() {
    if (failure != null) {
      return "stopped at " + done + "/" + total + " applications (" + failure + ")";
    }
    return (finished ? "done, " : "running, ") + done + "/" + total + " applications";
  }
}
