// Preload (sandboxed, CommonJS): exposes window.api and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../shared/electron-api';

contextBridge.exposeInMainWorld('api', createApi(ipcRenderer));
