/**
 * The demo profile's year of history: applications submitted, screened, reviewed, signed as people
 * would, through the app's services and the Camunda client, with the app's and the engine's clocks
 * set back and moved forward. Nothing here writes to another feature's tables.
 */
package io.partnerflow.app.demo;
