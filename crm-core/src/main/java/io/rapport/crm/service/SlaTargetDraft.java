package io.rapport.crm.service;

import java.time.Duration;

/**
 * A target as given to a builder, not yet checked: the policy's checks number the targets and
 * report a wrong time allowed under its own field.
 */
record SlaTargetDraft(SlaTargetKind kind, Duration within, boolean businessHours) {

  static SlaTargetDraft of(SlaTarget target) {
    return new SlaTargetDraft(target.kind(), target.within(), target.businessHours());
  }

  SlaTarget toTarget() {
    return new SlaTarget(kind, within, businessHours);
  }
}
