/**
 * Joint business plans: the partner drafts its plan in the portal, the partner manager reviews it
 * (approve or return with comments per section), both sign it off, and the approved version is
 * frozen; a later change is a new version through the same review
 * (bpmn/joint-business-planning.bpmn). {@link io.partnerflow.app.plan.BusinessPlans} is the one
 * entry point and checks on the server who may see and do what.
 */
package io.partnerflow.app.plan;
