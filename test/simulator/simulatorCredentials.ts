export interface SimulatorCredentials {
  username: string;
  password: string;
}

/** Demo accounts of the simulator; printed on start so the demo can log in. They protect nothing real. */
export const DEMO_CREDENTIALS: Readonly<{ em: SimulatorCredentials; vb365: SimulatorCredentials; vbr: SimulatorCredentials }> = Object.freeze({
  em: { username: 'SIMLAB\\restore-admin', password: 'sim-em-demo' },
  vb365: { username: 'SIMLAB\\m365-admin', password: 'sim-vb365-demo' },
  vbr: { username: 'SIMLAB\\backup-admin', password: 'sim-vbr-demo' },
});
