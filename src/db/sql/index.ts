export * from './query';
export * from './overview';
export * from './entities';
export * from './compare';
export * from './breakdown';
export * from './review';
export * from './report';
export * from './hierarchy';
