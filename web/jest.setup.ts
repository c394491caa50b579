import '@testing-library/jest-dom/jest-globals';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks TextEncoder/TextDecoder, which react-router uses at import time.
Object.assign(globalThis, { TextEncoder, TextDecoder });
