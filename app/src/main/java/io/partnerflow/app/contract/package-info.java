/**
 * Partner agreements: the contract a partner signs before anything else opens for them.
 *
 * <p>Two seams keep the parts apart. {@link io.partnerflow.app.contract.ContractDocuments} renders,
 * stores, seals and verifies the PDF documents (implemented in {@code contract.document}). {@link
 * io.partnerflow.app.contract.ContractSigning} is what a signer's screen calls: it checks who may
 * sign, records the evidence and completes the signing task (implemented by the contract service
 * beside the contract-signing process's workers).
 */
package io.partnerflow.app.contract;
